namespace Lms.Contracts.Enrollments;

/// <summary>
/// An employee can now learn a course: their enrollment in a registered provision is ACTIVE. <paramref name="EndDate"/> is
/// the provision's last day (Korea time): its learners open the course until then, a completed one too (null only in
/// events sent before it was carried: no end known).
/// </summary>
public sealed record EnrollmentActivated(
    Guid EnrollmentId, Guid UserId, Guid ProvisionId, Guid CourseId, Guid CompanyId, Guid InstitutionId, DateTimeOffset ActivatedAt,
    DateOnly? EndDate = null);

/// <summary>The employee was taken off the roster or left the company while still learning; the enrollment is CANCELLED.</summary>
public sealed record EnrollmentCancelled(Guid EnrollmentId, Guid UserId, Guid ProvisionId, Guid CourseId, DateTimeOffset CancelledAt);

/// <summary>
/// Whether a COMPLETED enrollment still opens its course (its files, board, live sessions and teach-back topics): closed
/// (<paramref name="Open"/> false) when the learner leaves the company or is taken off the roster, open again when they
/// are put back on it. The enrollment stays COMPLETED and its records and certificate stay. (An ACTIVE enrollment is
/// cancelled instead: <see cref="EnrollmentCancelled"/>.)
/// </summary>
public sealed record EnrollmentAccessChanged(Guid EnrollmentId, Guid UserId, Guid ProvisionId, Guid CourseId, bool Open, DateTimeOffset ChangedAt);
