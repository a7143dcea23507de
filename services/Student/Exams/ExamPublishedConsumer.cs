using Lms.Contracts.Exams;
using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.Student.Completion;
using Lms.Student.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Exams;

/// <summary>
/// Keeps the latest published version of each exam (attempts already started keep the paper they began with) and,
/// as required exams are inputs of completion, queues the re-evaluation of the course's learners in batches
/// (<see cref="CourseReevaluation"/>).
/// </summary>
public sealed class ExamPublishedConsumer(StudentDbContext db, TimeProvider clock, CourseReevaluation reevaluation, ILogger<ExamPublishedConsumer> logger)
    : InboxConsumer<ExamPublished, StudentDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ExamPublished message, CancellationToken cancellationToken)
    {
        var exam = await Db.Exams.FindAsync([message.ExamId], cancellationToken);
        if (exam is null)
        {
            exam = new LearningExam { Id = message.ExamId };
            Db.Exams.Add(exam);
        }
        else if (exam.Version >= message.Version)
        {
            return;
        }

        exam.Apply(message);
        if (await Db.Outlines.AnyAsync(o => o.CourseId == message.CourseId, cancellationToken))
        {
            await reevaluation.FanOutAsync(message.CourseId, CourseReevaluation.ExamPublished, cancellationToken);
        }
    }
}
