namespace Lms.Contracts.Learning;

/// <summary>A learner completed one content item of a course (watched enough of a video, or opened a document).</summary>
public sealed record ContentCompleted(
    Guid EnrollmentId, Guid UserId, Guid ProvisionId, Guid CourseId, Guid ItemId, DateTimeOffset CompletedAt);

/// <summary>A learner's course progress moved (share of required items completed).</summary>
public sealed record EnrollmentProgressChanged(
    Guid EnrollmentId, Guid UserId, Guid ProvisionId, Guid CourseId, Guid CompanyId, Guid InstitutionId,
    decimal ProgressPercent, DateTimeOffset ChangedAt);

/// <summary>The course's completion rule holds for a learner: the enrollment is COMPLETED and a certificate issued.</summary>
public sealed record EnrollmentCompleted(
    Guid EnrollmentId, Guid UserId, Guid ProvisionId, Guid CourseId, Guid CompanyId, Guid InstitutionId,
    string CertificateSerial, DateTimeOffset CompletedAt);

/// <summary>A learner who completed a course rated it.</summary>
public sealed record CourseRated(
    Guid EnrollmentId, Guid UserId, Guid CourseId, Guid InstitutionId, Guid CompanyId, int Stars, string? Comment, DateTimeOffset RatedAt);
