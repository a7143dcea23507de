using Lms.Contracts.Teachback;
using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.Student.Data;

namespace Lms.Student.Teachback.Topics;

/// <summary>Keeps the latest version of each course's teach-back topics; an older version arriving late is ignored.</summary>
public sealed class TeachbackTopicChangedConsumer(StudentDbContext db, TimeProvider clock, ILogger<TeachbackTopicChangedConsumer> logger)
    : InboxConsumer<TeachbackTopicChanged, StudentDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(TeachbackTopicChanged message, CancellationToken cancellationToken)
    {
        if (await Db.TeachbackTopics.FindAsync([message.TopicId], cancellationToken) is { } topic)
        {
            topic.Apply(message);
        }
        else
        {
            Db.TeachbackTopics.Add(TeachbackTopic.FromCourse(message));
        }
    }
}
