using System.Threading.Channels;
using Lms.ServiceDefaults.Email;
using MimeKit;

namespace Lms.Identity.Email;

/// <summary>
/// Mail sent after the answer, not during it: a request that sends a message then answers as fast as one that
/// does not, so the response time does not tell whether an account exists (password reset). A message still
/// queued when the process stops is lost; the person asks again.
/// </summary>
public sealed class OutgoingMail
{
    private readonly Channel<MimeMessage> _messages = Channel.CreateBounded<MimeMessage>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Enqueue(MimeMessage message) => _messages.Writer.TryWrite(message);

    internal ChannelReader<MimeMessage> Reader => _messages.Reader;
}

internal sealed partial class OutgoingMailSender(OutgoingMail queue, IEmailSender sender, ILogger<OutgoingMailSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await sender.SendAsync(message, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSendFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "A queued email could not be sent")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);
}
