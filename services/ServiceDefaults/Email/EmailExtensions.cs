using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.ServiceDefaults.Email;

public static class EmailExtensions
{
    /// <summary>Mail (section <c>Mail</c>): SMTP when <c>Mail:SmtpHost</c> is set, otherwise .eml files in the pickup folder.</summary>
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration("Mail");
        if (string.IsNullOrWhiteSpace(builder.Configuration["Mail:SmtpHost"]))
        {
            builder.Services.AddSingleton<IEmailSender, PickupDirectoryEmailSender>();
        }
        else
        {
            builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        return builder;
    }
}
