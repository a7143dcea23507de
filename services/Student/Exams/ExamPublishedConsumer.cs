using Lms.Contracts.Exams;
using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.Student.Data;

namespace Lms.Student.Exams;

/// <summary>Keeps the latest published version of each exam; attempts already started keep the paper they began with.</summary>
public sealed class ExamPublishedConsumer(StudentDbContext db, TimeProvider clock, ILogger<ExamPublishedConsumer> logger)
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
    }
}
