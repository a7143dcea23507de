using Lms.Contracts.Exams;
using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.Student.Completion;
using Lms.Student.Data;

namespace Lms.Student.Exams;

/// <summary>
/// Keeps the latest published version of each exam (attempts already started keep the paper they began with) and,
/// as required exams are inputs of completion, re-evaluates the course's learners.
/// </summary>
public sealed class ExamPublishedConsumer(StudentDbContext db, TimeProvider clock, CourseCompletion completion, ILogger<ExamPublishedConsumer> logger)
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
        if (await Db.Outlines.FindAsync([message.CourseId], cancellationToken) is { } outline)
        {
            await completion.RefreshCourseAsync(outline, cancellationToken);
        }
    }
}
