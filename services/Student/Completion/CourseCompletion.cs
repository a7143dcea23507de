using Lms.Contracts.Exams;
using Lms.Contracts.Learning;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Time;
using Lms.Student.Certificates;
using Lms.Student.Courses;
using Lms.Student.Data;
using Lms.Student.Enrollments;
using Lms.Student.Exams;
using Lms.Student.Learning;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Completion;

/// <summary>Where a learner stands in a course: progress, the required exams' results and the rule's verdict.</summary>
public sealed record Standing(decimal ProgressPercent, IReadOnlyList<RequiredExamResult> RequiredExams, CompletionVerdict Verdict);

/// <summary>
/// Recomputes an enrollment's progress and completion from its inputs (item progress, graded attempts, the outline)
/// whenever one of them changes, in the caller's unit of work: the caller saves, so the change, the new progress, the
/// certificate and the events commit together. Tracked, unsaved changes count. A change of the course itself reaches
/// its learners in batches (<see cref="CourseReevaluation"/>).
/// </summary>
public sealed class CourseCompletion(StudentDbContext db, [FromKeyedServices(LearningClock.Key)] TimeProvider clock)
{
    /// <summary>
    /// Recomputes one enrollment. A course completes only when the change counts on a day of its provision (Korea
    /// time), so a rule relaxed after the course ended completes nobody retroactively. <paramref name="countsAt"/> is
    /// when the change counts as made, if not now: a graded attempt counts when it was started (within the dates).
    /// Changes made by the learner (heartbeats, opens, gradings) also write <see cref="LearnerActivity"/> first; a
    /// course-wide refresh does not, so it does not collide with every learner's heartbeats.
    /// </summary>
    public async Task RefreshAsync(
        Enrollment enrollment, LearningProvision provision, CourseOutline outline, CancellationToken cancellationToken, DateTimeOffset? countsAt = null)
    {
        if (enrollment.State == EnrollmentStates.Cancelled)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var standing = await StandingAsync(enrollment, outline, cancellationToken);
        if (enrollment.SetProgress(standing.ProgressPercent))
        {
            db.PublishOnSave(new EnrollmentProgressChanged(enrollment.Id, enrollment.UserId, provision.Id, provision.CourseId,
                provision.CompanyId, provision.InstitutionId, standing.ProgressPercent, now));
        }

        if (!standing.Verdict.Met || KoreaTime.Today(countsAt ?? now) > provision.EndDate || !enrollment.Complete(now))
        {
            return;
        }

        var holder = await db.Users.Where(u => u.Id == enrollment.UserId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken);
        var certificate = Certificate.Issue(enrollment.Id, enrollment.UserId, holder ?? string.Empty, provision.CourseId,
            provision.CourseTitle, provision.InstitutionName, now);
        db.Certificates.Add(certificate);
        db.PublishOnSave(new EnrollmentCompleted(enrollment.Id, enrollment.UserId, provision.Id, provision.CourseId,
            provision.CompanyId, provision.InstitutionId, certificate.Serial, now));
    }

    public async Task<Standing> StandingAsync(Enrollment enrollment, CourseOutline outline, CancellationToken cancellationToken)
    {
        var progress = await ProgressRowsAsync(enrollment.Id, cancellationToken);
        var required = outline.RequiredItemIds;
        var completed = progress.Count(p => p.IsCompleted && required.Contains(p.ItemId));
        var percent = CompletionCheck.ProgressPercent(required.Count, completed);
        var exams = await RequiredExamsAsync(enrollment.Id, outline.CourseId, cancellationToken);
        var live = await LiveAttendancePercentAsync(enrollment, cancellationToken);
        return new Standing(percent, exams, CompletionCheck.Evaluate(outline.Rule, percent, exams, live));
    }

    /// <summary>The share of the provision's ended live sessions the learner attended, 0–100; null when none was held yet.</summary>
    private async Task<decimal?> LiveAttendancePercentAsync(Enrollment enrollment, CancellationToken cancellationToken)
    {
        var stored = await db.LiveAttendance.Where(a => a.ProvisionId == enrollment.ProvisionId && a.UserId == enrollment.UserId)
            .ToListAsync(cancellationToken);
        var rows = stored.Union(db.LiveAttendance.Local.Where(a => a.ProvisionId == enrollment.ProvisionId && a.UserId == enrollment.UserId)).ToList();
        return CompletionCheck.LiveAttendancePercent(rows.Count, rows.Count(r => r.Attended));
    }

    public async Task<List<ItemProgress>> ProgressRowsAsync(Guid enrollmentId, CancellationToken cancellationToken)
    {
        var stored = await db.ItemProgress.Where(p => p.EnrollmentId == enrollmentId).ToListAsync(cancellationToken);
        return [.. stored.Union(db.ItemProgress.Local.Where(p => p.EnrollmentId == enrollmentId))];
    }

    private async Task<IReadOnlyList<RequiredExamResult>> RequiredExamsAsync(Guid enrollmentId, Guid courseId, CancellationToken cancellationToken)
    {
        // Filtered in memory, as an exam published or withdrawn in this unit of work is not yet so in the database.
        var stored = await db.Exams.Where(e => e.CourseId == courseId).ToListAsync(cancellationToken);
        var exams = stored.Union(db.Exams.Local.Where(e => e.CourseId == courseId)).Where(e => e.Required && !e.Withdrawn).ToList();
        if (exams.Count == 0)
        {
            return [];
        }

        // Likewise an attempt graded in this unit of work is still IN_PROGRESS in the database.
        var attempts = await db.Attempts.Where(a => a.EnrollmentId == enrollmentId).ToListAsync(cancellationToken);
        return [.. exams.Select(exam => new RequiredExamResult(exam.Id, exam.Title, exam.Weight, exam.PassScore,
            CountedScore(exam, attempts.Where(a => a.ExamId == exam.Id && a.IsGraded).ToList())))];
    }

    /// <summary>The score that counts for an exam: the best or the latest graded attempt, as the exam says.</summary>
    public static decimal? CountedScore(LearningExam exam, IReadOnlyList<ExamAttempt> graded) =>
        graded.Count == 0 ? null
        : exam.Scoring == ExamScoring.Last ? graded.MaxBy(a => a.Number)!.Score
        : graded.Max(a => a.Score);
}
