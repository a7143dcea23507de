namespace Lms.Contracts.Enrollments;

/// <summary>An employee can now learn a course: their enrollment in a registered provision is ACTIVE.</summary>
public sealed record EnrollmentActivated(
    Guid EnrollmentId, Guid UserId, Guid ProvisionId, Guid CourseId, Guid CompanyId, Guid InstitutionId, DateTimeOffset ActivatedAt);

/// <summary>The employee was taken off the roster; the enrollment is CANCELLED.</summary>
public sealed record EnrollmentCancelled(Guid EnrollmentId, Guid UserId, Guid ProvisionId, Guid CourseId, DateTimeOffset CancelledAt);
