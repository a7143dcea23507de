using System.ComponentModel.DataAnnotations;

namespace Lms.Content.Uploads;

public static class UploadPurposes
{
    public const string CourseContent = "course-content";
    public const string Cover = "cover";
}

public sealed record UploadRequest(
    [property: Required, MaxLength(1000)] string FileName,
    [property: Range(1, long.MaxValue)] long Size,
    [property: Required, MaxLength(100)] string ContentType,
    [property: Required] Guid? CourseId,
    [property: Required, AllowedValues(UploadPurposes.CourseContent, UploadPurposes.Cover)] string Purpose);

public sealed record PartUrl(int PartNumber, string Url);

public sealed record UploadResponse(Guid UploadId, string FileName, long PartSize, int PartCount, IReadOnlyList<PartUrl> Parts, DateTimeOffset ExpiresAt);

public sealed record UploadStatus(Guid UploadId, string State, string FileName, long Size, long PartSize, int PartCount,
    IReadOnlyList<ReportedPart> ReportedParts, IReadOnlyList<PartUrl> MissingParts, DateTimeOffset ExpiresAt);

public sealed record PartReport([property: Required, MaxLength(100)] string ETag);

public sealed record CompletedPart(int PartNumber, [property: Required, MaxLength(100)] string ETag);

public sealed record PartsReport([property: Required, MinLength(1), MaxLength(PartPlan.MaxParts)] IReadOnlyList<CompletedPart>? Parts);

public sealed record CompleteRequest([property: Required] IReadOnlyList<CompletedPart>? Parts);

public sealed record FileResponse(Guid FileId, string FileName, long Size, string ContentType, int? DurationSeconds);
