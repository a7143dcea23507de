using Lms.Contracts.Teachback;
using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.Student.Data;

namespace Lms.Student.Teachback.Submissions;

/// <summary>A checked teach-back recording and who uploaded it, as the content service announced it.</summary>
public sealed class TeachbackAudio
{
    public Guid FileId { get; set; }

    public Guid UploaderId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    public int DurationSeconds { get; set; }

    public string StorageKey { get; set; } = string.Empty;

    public DateTimeOffset ReadyAt { get; set; }
}

/// <summary>Keeps the recordings learners uploaded, so a submission can refer only to one of the caller's own.</summary>
public sealed class TeachbackAudioReadyConsumer(StudentDbContext db, TimeProvider clock, ILogger<TeachbackAudioReadyConsumer> logger)
    : InboxConsumer<TeachbackAudioReady, StudentDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(TeachbackAudioReady message, CancellationToken cancellationToken)
    {
        // A file is announced once, when it becomes ready; a repeat under a new message id changes nothing.
        if (await Db.TeachbackAudio.FindAsync([message.FileId], cancellationToken) is not null)
        {
            return;
        }

        Db.TeachbackAudio.Add(new TeachbackAudio
        {
            FileId = message.FileId, UploaderId = message.UploaderId, FileName = message.FileName, ContentType = message.ContentType,
            Size = message.Size, DurationSeconds = message.DurationSeconds, StorageKey = message.StorageKey, ReadyAt = message.ReadyAt,
        });
    }
}
