using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lms.ServiceDefaults.Email;

public interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Delivers through the configured SMTP server (STARTTLS when offered), with a bounded wait.</summary>
internal sealed class SmtpEmailSender(IOptions<MailOptions> options) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var mail = options.Value;
        using var client = new SmtpClient { Timeout = 15_000 };
        await client.ConnectAsync(mail.SmtpHost!, mail.SmtpPort, SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(mail.SmtpUsername))
        {
            await client.AuthenticateAsync(mail.SmtpUsername, mail.SmtpPassword ?? string.Empty, cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Without an SMTP server (the local platform), each message becomes an .eml file a person or a test can open.</summary>
internal sealed class PickupDirectoryEmailSender(IOptions<MailOptions> options) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var directory = options.Value.PickupDirectory;
        Directory.CreateDirectory(directory);
        var recipient = message.To.Mailboxes.FirstOrDefault()?.Address ?? "unknown";
        var safeRecipient = string.Concat(recipient.Select(c => char.IsLetterOrDigit(c) || c is '.' or '@' or '-' or '_' ? c : '_'));
        var path = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{safeRecipient}-{Guid.NewGuid():N}.eml");
        // Written aside and moved into place, so whoever watches the folder never opens a half-written message.
        var partial = path + ".part";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
    }
}
