using System.ComponentModel.DataAnnotations;

namespace Lms.Content.Uploads;

public static class UploadPurposes
{
    public const string CourseContent = "course-content";
    public const string Cover = "cover";

    /// <summary>A learner's teach-back recording: any signed-in user, no course; announced as <c>TeachbackAudioReady</c>.</summary>
    public const string TeachbackAudio = "teachback-audio";
}

public sealed record UploadRequest(
    [property: Required, MaxLength(1000)] string FileName,
    [property: Range(1, long.MaxValue)] long Size,
    [property: Required, MaxLength(100)] string ContentType,
    Guid? CourseId,
    [property: Required, AllowedValues(UploadPurposes.CourseContent, UploadPurposes.Cover, UploadPurposes.TeachbackAudio)] string Purpose) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Purpose == UploadPurposes.TeachbackAudio && CourseId is not null)
        {
            yield return new ValidationResult("A teach-back recording belongs to no course: leave courseId out.", ["courseId"]);
        }
        else if (Purpose is UploadPurposes.CourseContent or UploadPurposes.Cover && CourseId is null)
        {
            yield return new ValidationResult("The courseId field is required.", ["courseId"]);
        }
    }
}

public sealed record PartUrl(int PartNumber, string Url);

public sealed record UploadResponse(Guid UploadId, string FileName, long PartSize, int PartCount, IReadOnlyList<PartUrl> Parts, DateTimeOffset ExpiresAt);

public sealed record UploadStatus(Guid UploadId, string State, string FileName, long Size, long PartSize, int PartCount,
    IReadOnlyList<ReportedPart> ReportedParts, IReadOnlyList<PartUrl> MissingParts, DateTimeOffset ExpiresAt);

public sealed record PartReport([property: Required, MaxLength(CompletedPart.MaxETagLength)] string ETag);

public sealed record CompletedPart(int PartNumber, [property: Required, MaxLength(CompletedPart.MaxETagLength)] string ETag)
{
    public const int MaxETagLength = 100;

    /// <summary>
    /// The items of a part list, checked by hand: the validation filter checks a request's own fields, not those of
    /// each item, and a null item or ETag would otherwise reach S3 as a server error.
    /// </summary>
    public static IEnumerable<ValidationResult> Check(IReadOnlyList<CompletedPart?>? parts)
    {
        for (var i = 0; i < (parts?.Count ?? 0); i++)
        {
            if (parts![i] is not { } part)
            {
                yield return new ValidationResult("A part is missing here.", [$"parts[{i}]"]);
            }
            else if (string.IsNullOrWhiteSpace(part.ETag) || part.ETag.Length > MaxETagLength)
            {
                yield return new ValidationResult($"Give the part's ETag (at most {MaxETagLength} characters).", [$"parts[{i}].etag"]);
            }
        }
    }
}

public sealed record PartsReport([property: Required, MinLength(1), MaxLength(PartPlan.MaxParts)] IReadOnlyList<CompletedPart>? Parts)
    : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => CompletedPart.Check(Parts);
}

public sealed record CompleteRequest([property: Required, MaxLength(PartPlan.MaxParts)] IReadOnlyList<CompletedPart>? Parts) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => CompletedPart.Check(Parts);
}

public sealed record FileResponse(Guid FileId, string FileName, long Size, string ContentType, int? DurationSeconds);
