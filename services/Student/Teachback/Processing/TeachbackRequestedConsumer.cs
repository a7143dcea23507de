using Lms.ServiceDefaults.Messaging.Inbox;
using MassTransit;
using Lms.Student.Data;

namespace Lms.Student.Teachback.Processing;

/// <summary>Processes a submission once: the outcome, its event and the inbox record commit together.</summary>
public sealed class TeachbackRequestedConsumer(
    StudentDbContext db, TimeProvider clock, TeachbackProcessor processor, TeachbackMetrics metrics, ILogger<TeachbackRequestedConsumer> logger)
    : InboxConsumer<TeachbackRequested, StudentDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(TeachbackRequested message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(message.SubmissionId, cancellationToken);

    protected override void Committed()
    {
        if (processor.Finished is { } submission)
        {
            metrics.Finished(submission);
        }
    }
}

/// <summary>
/// A submission holds a database connection (the inbox transaction) while its providers answer, for up to minutes:
/// only a few are processed at once per instance (<c>Teachback:ConcurrentProcessing</c>), the rest wait in the queue.
/// </summary>
public sealed class TeachbackRequestedConsumerDefinition : ConsumerDefinition<TeachbackRequestedConsumer>
{
    public TeachbackRequestedConsumerDefinition(IConfiguration configuration) =>
        ConcurrentMessageLimit = Math.Max(1, configuration.GetValue("Teachback:ConcurrentProcessing", 4));
}
