using System.Text.RegularExpressions;
using MimeKit;

namespace Lms.Testing;

/// <summary>Reads the .eml files the identity service writes when no SMTP server is configured.</summary>
public sealed partial class Mailbox(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>The newest confirmation code sent to <paramref name="email"/>, waiting for it to arrive.</summary>
    public Task<string> ConfirmationCodeForAsync(string email, int atLeastMessages = 1) =>
        CodeForAsync(email, Code(), atLeastMessages, "a confirmation email");

    /// <summary>The newest company invitation code sent to <paramref name="email"/>.</summary>
    public Task<string> InvitationCodeForAsync(string email) => CodeForAsync(email, Invitation(), 1, "an invitation email");

    private Task<string> CodeForAsync(string email, Regex pattern, int atLeastMessages, string what) =>
        Eventually.GetAsync(() => Task.FromResult(LatestCode(email, pattern, atLeastMessages)), code => code is not null,
            TimeSpan.FromSeconds(15), $"{what} to {email}").ContinueWith(t => t.Result!, TaskScheduler.Default);

    public int CountTo(string email) => MessagesTo(email).Count;

    public int CountTo(string email, string subjectText) =>
        MessagesTo(email).Count(m => (m.Subject ?? string.Empty).Contains(subjectText, StringComparison.Ordinal));

    /// <summary>Waits until a message to <paramref name="email"/> whose subject contains <paramref name="text"/> arrives.</summary>
    public Task ReceivedAsync(string email, string text) =>
        Eventually.TrueAsync(() => Task.FromResult(MessagesTo(email).Any(m => (m.Subject ?? string.Empty).Contains(text, StringComparison.Ordinal))),
            TimeSpan.FromSeconds(20), $"an email to {email} about '{text}'");

    private string? LatestCode(string email, Regex pattern, int atLeastMessages)
    {
        var messages = MessagesTo(email);
        if (messages.Count < atLeastMessages)
        {
            return null;
        }

        var match = pattern.Match(messages[^1].TextBody ?? string.Empty);
        return match.Success ? match.Groups[1].Value : null;
    }

    private List<MimeMessage> MessagesTo(string email)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return System.IO.Directory.GetFiles(Directory, "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    [GeneratedRegex("code is ([0-9]{6})")]
    private static partial Regex Code();

    [GeneratedRegex("invitation code is ([A-Z0-9]{10})")]
    private static partial Regex Invitation();
}
