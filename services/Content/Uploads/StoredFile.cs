namespace Lms.Content.Uploads;

/// <summary>A file that finished uploading and was checked: what the rest of the platform may refer to.</summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }

    public Guid InstitutionId { get; set; }

    public Guid? CourseId { get; set; }

    public Guid UploaderId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    public string StorageKey { get; set; } = string.Empty;

    public string ETag { get; set; } = string.Empty;

    public int? DurationSeconds { get; set; }

    public DateTimeOffset ReadyAt { get; set; }
}
