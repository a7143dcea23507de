using Lms.Contracts.Content;
using Lms.Institution.Data;
using Lms.ServiceDefaults.Messaging.Inbox;

namespace Lms.Institution.Files;

/// <summary>What this service knows of uploaded files: only ready ones, from the content service's events.</summary>
public sealed class ReadyFile
{
    public Guid FileId { get; set; }

    public Guid InstitutionId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    public int? DurationSeconds { get; set; }

    public DateTimeOffset ReadyAt { get; set; }
}

public sealed class FileReadyConsumer(InstitutionDbContext db, TimeProvider clock, ILogger<FileReadyConsumer> logger)
    : InboxConsumer<FileReady, InstitutionDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(FileReady message, CancellationToken cancellationToken)
    {
        if (await Db.ReadyFiles.FindAsync([message.FileId], cancellationToken) is not null)
        {
            return;
        }

        Db.ReadyFiles.Add(new ReadyFile
        {
            FileId = message.FileId,
            InstitutionId = message.InstitutionId,
            FileName = message.FileName,
            ContentType = message.ContentType,
            Size = message.Size,
            DurationSeconds = message.DurationSeconds,
            ReadyAt = message.ReadyAt,
        });
    }
}
