using Lms.Contracts.Exams;
using Lms.ServiceDefaults.Data;
using Lms.Student.Completion;
using Lms.Student.Data;
using Lms.Student.Learning;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Exams;

/// <summary>
/// Grades an attempt exactly once, whoever asks first (the learner's submit or the auto-grader): the grading, the
/// learner's new standing and the events are saved together under the attempt's concurrency token, so the loser of a
/// race saves nothing and reads the winner's result.
/// </summary>
public sealed class AttemptGrader(StudentDbContext db, CourseCompletion completion, [FromKeyedServices(LearningClock.Key)] TimeProvider clock)
{
    private const int MaxTries = 5;

    /// <summary>Grades the attempt, or returns it as graded by someone else; the last collision (<see cref="LostRace"/>) after <see cref="MaxTries"/> of them.</summary>
    public async Task<ExamAttempt> GradeAsync(Guid attemptId, bool automatically, CancellationToken cancellationToken)
    {
        for (var tries = 1; ; tries++)
        {
            var attempt = await db.Attempts.SingleAsync(a => a.Id == attemptId, cancellationToken);
            if (attempt.IsGraded)
            {
                return attempt;
            }

            try
            {
                await GradeAndSaveAsync(attempt, automatically, cancellationToken);
                return attempt;
            }
            catch (Exception ex) when (tries < MaxTries && LostRace.Is(ex))
            {
                // Either the other grader won (the next read returns its result) or another change of the learner's
                // progress was saved at the same moment (the next try grades on top of it, after a short random pause
                // so two retrying writers do not collide again).
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(20, 100) * tries), cancellationToken);
            }
        }
    }

    private async Task GradeAndSaveAsync(ExamAttempt attempt, bool automatically, CancellationToken cancellationToken)
    {
        await LearnerActivity.TouchAsync(db, attempt.UserId, cancellationToken);
        var exam = await db.Exams.AsNoTracking().SingleAsync(e => e.Id == attempt.ExamId, cancellationToken);
        var enrollment = await db.Enrollments.SingleAsync(e => e.Id == attempt.EnrollmentId, cancellationToken);
        var provision = await db.Provisions.SingleAsync(p => p.Id == enrollment.ProvisionId, cancellationToken);
        var now = clock.GetUtcNow();
        attempt.Grade(now, automatically);
        db.PublishOnSave(new ExamAttemptGraded(attempt.Id, exam.Id, exam.CourseId, exam.InstitutionId, attempt.UserId, enrollment.Id,
            provision.CompanyId, attempt.Number, attempt.Score!.Value, attempt.Passed!.Value, automatically, attempt.StartedAt, now));
        if (await db.Outlines.SingleOrDefaultAsync(o => o.CourseId == exam.CourseId, cancellationToken) is { } outline)
        {
            await completion.RefreshAsync(enrollment, provision, outline, cancellationToken, countsAt: attempt.StartedAt);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
