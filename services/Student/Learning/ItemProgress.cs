using Lms.ServiceDefaults.Time;
namespace Lms.Student.Learning;

/// <summary>One learner's progress on one content item of an enrollment.</summary>
public sealed class ItemProgress
{
    private ItemProgress()
    {
    }

    public Guid EnrollmentId { get; private set; }

    public Guid ItemId { get; private set; }

    /// <summary>Kept to count a learner's items credited per day across all their courses.</summary>
    public Guid UserId { get; private set; }

    public string State { get; private set; } = ItemStates.NotStarted;

    public IReadOnlyList<WatchedRange> Watched { get; private set; } = [];

    public double WatchedSeconds { get; private set; }

    public double? AnchorPosition { get; private set; }

    public bool AnchorPlaying { get; private set; }

    public DateTimeOffset? AnchorAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The Korean calendar day the item was credited on, for the daily cap.</summary>
    public DateOnly? CompletedOn { get; private set; }

    public int Version { get; private set; }

    public static ItemProgress Start(Guid enrollmentId, Guid itemId, Guid userId) =>
        new() { EnrollmentId = enrollmentId, ItemId = itemId, UserId = userId };

    public bool IsCompleted => State == ItemStates.Completed;

    private PlayerAnchor? Anchor => AnchorPosition is { } position && AnchorAt is { } at ? new PlayerAnchor(position, AnchorPlaying, at) : null;

    public bool TooSoon(DateTimeOffset now) => AnchorAt is { } at && now - at < HeartbeatCredit.MinimumInterval;

    /// <summary>
    /// Credits what <see cref="HeartbeatCredit"/> allows and moves the anchor; returns the seconds newly watched.
    /// <paramref name="creditedUntil"/> is when the learner's last credited stretch on any video ended.
    /// </summary>
    public double Heartbeat(double position, bool playing, int durationSeconds, DateTimeOffset now, DateTimeOffset? creditedUntil = null)
    {
        var before = WatchedSeconds;
        if (HeartbeatCredit.For(Anchor, position, now, creditedUntil) is { } range)
        {
            var clipped = new WatchedRange(Math.Max(0, range.Start), Math.Min(durationSeconds, range.End));
            Watched = WatchedRanges.Add(Watched, clipped);
            WatchedSeconds = WatchedRanges.Total(Watched);
        }

        AnchorPosition = position;
        AnchorPlaying = playing;
        AnchorAt = now;
        Touch();
        return WatchedSeconds - before;
    }

    public decimal PercentOf(int? durationSeconds) => IsCompleted ? 100m
        : durationSeconds is > 0 and var duration ? Math.Min(100m, Math.Round((decimal)(WatchedSeconds / duration * 100), 2)) : 0m;

    public bool ReachedThreshold(int durationSeconds, int thresholdPercent) =>
        WatchedSeconds >= durationSeconds * thresholdPercent / 100.0;

    public void Opened() => Touch();

    public bool Complete(DateTimeOffset now)
    {
        if (IsCompleted)
        {
            return false;
        }

        State = ItemStates.Completed;
        CompletedAt = now;
        CompletedOn = KoreaTime.Today(now);
        Version++;
        return true;
    }

    private void Touch()
    {
        if (State == ItemStates.NotStarted)
        {
            State = ItemStates.InProgress;
        }

        Version++;
    }
}
