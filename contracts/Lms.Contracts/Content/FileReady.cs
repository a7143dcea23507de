namespace Lms.Contracts.Content;

/// <summary>An uploaded file was checked and stored; from now on it may be attached to its institution's courses.</summary>
public sealed record FileReady(
    Guid FileId,
    Guid InstitutionId,
    Guid? CourseId,
    string FileName,
    string ContentType,
    long Size,
    int? DurationSeconds,
    DateTimeOffset ReadyAt);
