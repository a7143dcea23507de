using Lms.ServiceDefaults.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lms.Identity.Email;

/// <summary>The message that carries a confirmation code (Korean first, English below).</summary>
public sealed partial class ConfirmationEmail(IEmailSender sender, IOptions<MailOptions> options, ILogger<ConfirmationEmail> logger)
{
    /// <summary>
    /// Sends the code. A mail failure does not undo the sign-up: the account exists and the person can ask
    /// for the code again, so the failure is logged rather than thrown.
    /// </summary>
    public async Task SendAsync(string email, string name, string code, CancellationToken cancellationToken)
    {
        var message = new MimeMessage
        {
            Subject = $"[LMS] 이메일 인증 코드 {code} / Your confirmation code",
            Body = new TextPart("plain")
            {
                Text = $"""
                    {name}님, 안녕하세요.

                    이메일 인증 코드: {code}
                    코드는 24시간 동안 유효합니다.

                    Your confirmation code is {code}. It is valid for 24 hours.
                    If you did not sign up, ignore this message.
                    """,
            },
        };
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(new MailboxAddress(name, email));
        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(logger, ex);
        }
    }

    [LoggerMessage(LogLevel.Error, "The confirmation email could not be sent")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);
}
