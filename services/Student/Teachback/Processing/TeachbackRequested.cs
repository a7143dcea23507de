namespace Lms.Student.Teachback.Processing;

/// <summary>
/// The student service's own work item: process this submission. Stored in the outbox with the submission, so the
/// work survives a restart; consumed through the inbox, so a redelivery after it is done changes nothing.
/// </summary>
public sealed record TeachbackRequested(Guid SubmissionId, DateTimeOffset RequestedAt);
