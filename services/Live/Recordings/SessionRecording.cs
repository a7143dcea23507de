namespace Lms.Live.Recordings;

public static class RecordingStates
{
    /// <summary>nginx finished the file; it is being remuxed, stored, or checked by the content service.</summary>
    public const string Processing = "PROCESSING";

    /// <summary>The content service registered it as a ready video of the institution (<see cref="SessionRecording.FileId"/>).</summary>
    public const string Ready = "READY";

    /// <summary>Remuxing or storing failed, or the content service refused the file; <see cref="SessionRecording.Failure"/> says why.</summary>
    public const string Failed = "FAILED";
}

/// <summary>
/// The recording of one live session (nginx-rtmp records a session's one publish into one FLV file).
/// <code>
/// PROCESSING ─remuxed, stored, announced (ObjectKey set)─ content registered it → READY
///     └─ ffmpeg, the store or the content service's checks fail → FAILED
/// </code>
/// The file id is chosen here when the recording arrives, so the content service registers the file under it once,
/// however often the announcement is delivered.
/// </summary>
public sealed class SessionRecording
{
    public const int PathMaxLength = 1000;
    public const int FailureMaxLength = 500;

    private SessionRecording()
    {
    }

    public Guid SessionId { get; private set; }

    public Guid FileId { get; private set; }

    public string State { get; private set; } = RecordingStates.Processing;

    /// <summary>Where nginx wrote the FLV file (inside the configured recordings directory).</summary>
    public string SourcePath { get; private set; } = string.Empty;

    /// <summary>The MP4's key in the content bucket once stored; null while still to be remuxed and stored.</summary>
    public string? ObjectKey { get; private set; }

    public long? Bytes { get; private set; }

    public string? Failure { get; private set; }

    /// <summary>Until when one instance's processor holds the recording (so two instances do not remux it twice).</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long Version { get; private set; }

    public static SessionRecording Arrived(Guid sessionId, string sourcePath, DateTimeOffset now) => new()
    {
        SessionId = sessionId,
        FileId = Guid.CreateVersion7(),
        SourcePath = sourcePath,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>True while the FLV still has to be remuxed and stored.</summary>
    public bool AwaitsProcessing => State == RecordingStates.Processing && ObjectKey is null;

    /// <summary>The MP4 is in the bucket; the content service is told in the same unit of work.</summary>
    public bool Stored(string objectKey, long bytes, DateTimeOffset now)
    {
        if (!AwaitsProcessing)
        {
            return false;
        }
        ObjectKey = objectKey;
        Bytes = bytes;
        LeaseUntil = null;
        Touch(now);
        return true;
    }

    /// <summary>The content service registered the file (its FileReady named <see cref="FileId"/>).</summary>
    public bool MarkReady(DateTimeOffset now)
    {
        if (State != RecordingStates.Processing || ObjectKey is null)
        {
            return false;
        }
        State = RecordingStates.Ready;
        Touch(now);
        return true;
    }

    public bool Fail(string reason, DateTimeOffset now)
    {
        if (State != RecordingStates.Processing)
        {
            return false;
        }
        State = RecordingStates.Failed;
        Failure = reason.Length <= FailureMaxLength ? reason : reason[..FailureMaxLength];
        LeaseUntil = null;
        Touch(now);
        return true;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
