using Lms.Live.Streaming;

namespace Lms.Live.Sessions;

/// <summary>A refusal of the session rules: the problem type and a title the client can show.</summary>
public sealed record SessionRefusal(string Type, string Title);

/// <summary>
/// One live lecture of a course provision.
/// <code>
/// SCHEDULED ─stream starts→ LIVE ─stream stops / instructor ends→ ENDED
///     └─cancel→ CANCELLED
/// </code>
/// Every change bumps <see cref="Version"/>, the row's concurrency token, so of two racing moves exactly one wins.
/// </summary>
public sealed class LiveSession
{
    public const int TitleMaxLength = 200;

    /// <summary>Longest a session may be scheduled for; a lecture day, not an always-on channel.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(12);

    private LiveSession()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProvisionId { get; private set; }

    public Guid InstitutionId { get; private set; }

    public Guid CreatedBy { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public DateTimeOffset ScheduledStart { get; private set; }

    public DateTimeOffset ScheduledEnd { get; private set; }

    public string State { get; private set; } = SessionStates.Scheduled;

    /// <summary>The provider's channel: for nginx-rtmp the public stream name, for IVS the channel ARN.</summary>
    public string ChannelId { get; private set; } = string.Empty;

    public string IngestUrl { get; private set; } = string.Empty;

    /// <summary>The secret the encoder publishes with; only the current one is accepted.</summary>
    public string StreamKey { get; private set; } = string.Empty;

    /// <summary>The provider's id of the current key (IVS: its ARN, needed to delete it when replaced).</summary>
    public string StreamKeyRef { get; private set; } = string.Empty;

    /// <summary>Where viewers play the stream (without a viewer token; the provider signs it per viewer).</summary>
    public string PlaybackBase { get; private set; } = string.Empty;

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long Version { get; private set; }

    public static LiveSession Schedule(Guid provisionId, Guid institutionId, Guid by, string title, DateTimeOffset start, DateTimeOffset end,
        DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(),
            ProvisionId = provisionId,
            InstitutionId = institutionId,
            CreatedBy = by,
            Title = title.Trim(),
            ScheduledStart = start,
            ScheduledEnd = end,
            CreatedAt = now,
            UpdatedAt = now,
        };

    /// <summary>The times a session may be scheduled for: ending after it starts, and not longer than a lecture day.</summary>
    public static string? CheckTimes(DateTimeOffset start, DateTimeOffset end) =>
        end <= start ? "The session must end after it starts."
        : end - start > MaxLength ? $"A session lasts at most {MaxLength.TotalHours:0} hours."
        : null;

    /// <summary>Attaches the provider's channel; done once, right after scheduling.</summary>
    public void AttachChannel(StreamChannel channel)
    {
        ChannelId = channel.ChannelId;
        IngestUrl = channel.IngestUrl;
        StreamKey = channel.Key.Value;
        StreamKeyRef = channel.Key.Ref;
        PlaybackBase = channel.PlaybackBase;
    }

    public SessionRefusal? Edit(string? title, DateTimeOffset? start, DateTimeOffset? end, DateTimeOffset now)
    {
        if (State != SessionStates.Scheduled)
        {
            return StateRefusal("edited");
        }

        var newStart = start ?? ScheduledStart;
        var newEnd = end ?? ScheduledEnd;
        if (CheckTimes(newStart, newEnd) is { } problem)
        {
            return new SessionRefusal("session-times", problem);
        }

        Title = title?.Trim() ?? Title;
        ScheduledStart = newStart;
        ScheduledEnd = newEnd;
        Touch(now);
        return null;
    }

    /// <summary>The stream began (the provider accepted the current key).</summary>
    public SessionRefusal? Start(DateTimeOffset now) => MoveFrom(SessionStates.Scheduled, SessionStates.Live, "started", now);

    /// <summary>The stream stopped or the instructor ended the session.</summary>
    public SessionRefusal? End(DateTimeOffset now) => MoveFrom(SessionStates.Live, SessionStates.Ended, "ended", now);

    public SessionRefusal? Cancel(DateTimeOffset now) => MoveFrom(SessionStates.Scheduled, SessionStates.Cancelled, "cancelled", now);

    /// <summary>
    /// Replaces the stream key: the old one is refused from now on (a stream already running on it carries on).
    /// Only before or during the session; an ended session has nothing to publish to.
    /// </summary>
    public bool CanReplaceKey => State is SessionStates.Scheduled or SessionStates.Live;

    public SessionRefusal? ReplaceKey(StreamKeyGrant newKey, DateTimeOffset now)
    {
        if (!CanReplaceKey)
        {
            return StateRefusal("given a new key");
        }

        StreamKey = newKey.Value;
        StreamKeyRef = newKey.Ref;
        Touch(now);
        return null;
    }

    /// <summary>Seconds the session was live, or null before it started; a running session counts up to now.</summary>
    public TimeSpan? LiveDuration(DateTimeOffset now) => StartedAt is { } started ? (EndedAt ?? now) - started : null;

    private SessionRefusal? MoveFrom(string from, string to, string verb, DateTimeOffset now)
    {
        if (State != from)
        {
            return StateRefusal(verb);
        }

        State = to;
        if (to == SessionStates.Live)
        {
            StartedAt = now;
        }
        else if (to == SessionStates.Ended)
        {
            EndedAt = now;
        }
        Touch(now);
        return null;
    }

    private SessionRefusal StateRefusal(string verb) => new("session-state", $"A {State} session cannot be {verb}.");

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
