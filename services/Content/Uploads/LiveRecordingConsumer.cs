using Lms.Content.Data;
using Lms.Content.Storage;
using Lms.Contracts.Content;
using Lms.Contracts.Live;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Lms.Content.Uploads;

/// <summary>
/// Takes a live session's recording, which the live service put into this service's bucket, through the checks an
/// uploaded video gets (stored size as announced, not text, duration measured by ffprobe) and registers it as a file of
/// the institution, announced with <see cref="FileReady"/> like any upload so the course builder can attach it. A
/// recording that fails a check is deleted and answered with <see cref="LiveRecordingRejected"/>. The file's id comes
/// with the message, so a redelivery finds the file and does nothing.
/// </summary>
public sealed partial class LiveRecordingConsumer(
    ContentDbContext db, ObjectStorage storage, VideoProbe probe, TimeProvider clock, ILogger<LiveRecordingConsumer> logger)
    : InboxConsumer<LiveRecordingAvailable, ContentDbContext>(db, clock, logger)
{
    /// <summary>Where the live service stores recordings in the bucket; nothing else is taken from its messages.</summary>
    public const string KeyPrefix = "live-recordings/";

    protected override async Task HandleAsync(LiveRecordingAvailable message, CancellationToken cancellationToken)
    {
        if (await Db.Files.AnyAsync(f => f.Id == message.FileId, cancellationToken))
        {
            return;
        }

        var now = Clock.GetUtcNow();
        if (!message.ObjectKey.StartsWith(KeyPrefix, StringComparison.Ordinal) || message.ContentType != "video/mp4")
        {
            Reject(message, "The recording is not an MP4 under the live recordings prefix.", now);
            return;
        }

        var stored = await storage.DescribeAsync(message.ObjectKey, cancellationToken);
        string? reason = stored is not { } found ? "The recording is not in the store."
            : found.Size != message.Bytes ? $"The stored recording has {found.Size} bytes, not the {message.Bytes} announced."
            : MediaSafety.IsText(await storage.ReadStartAsync(message.ObjectKey, MediaSafety.SniffBytes, cancellationToken)) ? "The recording is text, not video."
            : null;
        var duration = reason is null
            ? await probe.DurationSecondsAsync(await storage.DownloadUrlAsync(message.ObjectKey, TimeSpan.FromMinutes(5)), message.ContentType, cancellationToken)
            : null;
        if (reason is null && duration is not > 0)
        {
            reason = "ffprobe measured no duration: the recording holds no playable video.";
        }
        if (reason is not null)
        {
            if (stored is not null)
            {
                await storage.DeleteAsync(message.ObjectKey, cancellationToken);
            }
            Reject(message, reason, now);
            return;
        }

        var file = new StoredFile
        {
            Id = message.FileId, InstitutionId = message.InstitutionId, CourseId = null, UploaderId = message.RecordedBy,
            FileName = FileNames.DisplayName(message.Title + ".mp4") ?? "live-recording.mp4", ContentType = message.ContentType, Size = stored!.Value.Size,
            StorageKey = message.ObjectKey, ETag = stored.Value.ETag, DurationSeconds = duration, ReadyAt = now,
        };
        Db.Files.Add(file);
        Db.PublishOnSave(new FileReady(file.Id, file.InstitutionId, null, file.FileName, file.ContentType, file.Size, duration, now));
        LogRegistered(Logger, message.SessionId, file.Id, duration!.Value);
    }

    private void Reject(LiveRecordingAvailable message, string reason, DateTimeOffset now)
    {
        LogRejected(Logger, message.SessionId, reason);
        Db.PublishOnSave(new LiveRecordingRejected(message.FileId, message.SessionId, reason, now));
    }

    [LoggerMessage(LogLevel.Information, "The recording of live session {SessionId} is file {FileId} ({DurationSeconds} s)")]
    private static partial void LogRegistered(ILogger logger, Guid sessionId, Guid fileId, int durationSeconds);

    [LoggerMessage(LogLevel.Warning, "The recording of live session {SessionId} was refused: {Reason}")]
    private static partial void LogRejected(ILogger logger, Guid sessionId, string reason);
}
