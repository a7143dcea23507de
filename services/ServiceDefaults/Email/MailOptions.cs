namespace Lms.ServiceDefaults.Email;

/// <summary>Section <c>Mail</c>: SMTP when <see cref="SmtpHost"/> is set, otherwise .eml files in <see cref="PickupDirectory"/>.</summary>
public sealed class MailOptions
{
    public string From { get; set; } = "LMS <no-reply@lms.local>";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public string? SmtpUsername { get; set; }

    public string? SmtpPassword { get; set; }

    public string PickupDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "mail");
}
