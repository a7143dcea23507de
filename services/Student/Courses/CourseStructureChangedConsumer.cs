using Lms.Contracts.Courses;
using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.Student.Completion;
using Lms.Student.Data;

namespace Lms.Student.Courses;

/// <summary>
/// Keeps the course outline and, because the structure and rule are inputs of progress and completion, queues the
/// re-evaluation of the course's active enrollments in batches (<see cref="CourseReevaluation"/>).
/// </summary>
public sealed class CourseStructureChangedConsumer(
    StudentDbContext db, TimeProvider clock, CourseReevaluation reevaluation, ILogger<CourseStructureChangedConsumer> logger)
    : InboxConsumer<CourseStructureChanged, StudentDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CourseStructureChanged message, CancellationToken cancellationToken)
    {
        var outline = await Db.Outlines.FindAsync([message.CourseId], cancellationToken);
        if (outline is null)
        {
            outline = new CourseOutline { CourseId = message.CourseId };
            Db.Outlines.Add(outline);
        }
        else if (outline.Version >= message.Version)
        {
            return;
        }

        outline.InstitutionId = message.InstitutionId;
        outline.Chapters = message.Chapters;
        outline.Rule = message.CompletionRule;
        outline.Version = message.Version;
        outline.ChangedAt = message.ChangedAt;

        await reevaluation.FanOutAsync(message.CourseId, CourseReevaluation.CourseStructure, cancellationToken);
    }
}
