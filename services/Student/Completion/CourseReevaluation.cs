using System.ComponentModel.DataAnnotations;
using Lms.ServiceDefaults.Data;
using Lms.Student.Data;
using Lms.Student.Enrollments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lms.Student.Completion;

public sealed class CourseReevaluationOptions
{
    public const string Section = "Completion";

    /// <summary>
    /// Enrollments re-evaluated per message. Each batch locks its enrollments for one short transaction, so a learner's
    /// heartbeat waits at most for one batch, and a course of any size never becomes one message that takes minutes.
    /// </summary>
    [Range(1, 1000)]
    public int ReevaluationBatchSize { get; set; } = 200;
}

/// <summary>
/// A change of the course itself (structure, completion rule, a published exam) is an input of every learner's progress
/// and completion. Rather than re-evaluating thousands of enrollments in the consumer that saw the change, the ACTIVE
/// enrollments are split into bounded batches and one <see cref="ReevaluateEnrollmentBatch"/> per batch is published
/// through the outbox, in the same unit of work as the change: committed together, delivered at least once.
/// </summary>
public sealed class CourseReevaluation(StudentDbContext db, IOptions<CourseReevaluationOptions> options)
{
    public const string CourseStructure = "course-structure";
    public const string ExamPublished = "exam-published";

    /// <summary>Queues the batches; returns how many were queued (none for a course nobody is learning).</summary>
    public async Task<int> FanOutAsync(Guid courseId, string cause, CancellationToken cancellationToken)
    {
        var active = await db.Enrollments
            .Join(db.Provisions.Where(p => p.CourseId == courseId), e => e.ProvisionId, p => p.Id, (e, p) => e)
            .Where(e => e.State == EnrollmentStates.Active)
            .OrderBy(e => e.Id)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        var batches = active.Chunk(options.Value.ReevaluationBatchSize).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            db.PublishOnSave(new ReevaluateEnrollmentBatch(courseId, batches[i], cause, i + 1, batches.Count));
        }

        return batches.Count;
    }
}
