using Lms.Contracts.Content;
using Lms.Contracts.Live;
using Lms.Live.Data;
using Lms.ServiceDefaults.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Recordings;

/// <summary>The content service registered a file; when it is a session's recording, the recording is READY.</summary>
public sealed class RecordingReadyConsumer(LiveDbContext db, TimeProvider clock, ILogger<RecordingReadyConsumer> logger)
    : InboxConsumer<FileReady, LiveDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(FileReady message, CancellationToken cancellationToken)
    {
        // Every upload's FileReady comes here; only recordings have a row.
        if (await Db.Recordings.SingleOrDefaultAsync(r => r.FileId == message.FileId, cancellationToken) is { } recording)
        {
            recording.MarkReady(Clock.GetUtcNow());
        }
    }
}

/// <summary>The content service refused a recording: it is FAILED, with the content service's reason.</summary>
public sealed class RecordingRejectedConsumer(LiveDbContext db, TimeProvider clock, ILogger<RecordingRejectedConsumer> logger)
    : InboxConsumer<LiveRecordingRejected, LiveDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(LiveRecordingRejected message, CancellationToken cancellationToken)
    {
        if (await Db.Recordings.SingleOrDefaultAsync(r => r.FileId == message.FileId, cancellationToken) is { } recording)
        {
            recording.Fail(message.Reason, Clock.GetUtcNow());
        }
    }
}
