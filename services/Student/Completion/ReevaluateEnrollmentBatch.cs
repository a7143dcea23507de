namespace Lms.Student.Completion;

/// <summary>
/// Re-evaluate these enrollments of a course against its current outline, exams and rule: one bounded batch of a
/// course-wide change (<see cref="CourseReevaluation"/>). A message of the student service to itself, published
/// through its outbox and consumed only by it, so it lives here and not among the shared contracts.
/// </summary>
/// <param name="CourseId">The course whose outline, exams and rule apply.</param>
/// <param name="EnrollmentIds">At most the configured batch size (<see cref="CourseReevaluationOptions.ReevaluationBatchSize"/>).</param>
/// <param name="Cause">What changed, for logs and traces: <c>course-structure</c> or <c>exam-published</c>.</param>
/// <param name="Batch">This batch's number, 1-based.</param>
/// <param name="Batches">How many batches were fanned out for the change.</param>
public sealed record ReevaluateEnrollmentBatch(Guid CourseId, IReadOnlyList<Guid> EnrollmentIds, string Cause, int Batch, int Batches);
