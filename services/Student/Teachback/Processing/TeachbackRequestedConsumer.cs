using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.Student.Data;

namespace Lms.Student.Teachback.Processing;

/// <summary>Processes a submission once: the outcome, its event and the inbox record commit together.</summary>
public sealed class TeachbackRequestedConsumer(StudentDbContext db, TimeProvider clock, TeachbackProcessor processor, ILogger<TeachbackRequestedConsumer> logger)
    : InboxConsumer<TeachbackRequested, StudentDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(TeachbackRequested message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(message.SubmissionId, cancellationToken);
}
