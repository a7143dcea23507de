using Amazon.CDK;
using Constructs;

namespace Lms.Deploy;

/// <summary>
/// What differs between deployments, read from CDK context (<c>-c key=value</c> or <c>cdk.json</c>). Only the stage
/// changes the shape of the platform (sizes, redundancy, retention); everything else is an address or a name.
/// </summary>
public sealed record DeploySettings
{
    /// <summary><c>dev</c>, <c>staging</c> or <c>prod</c>: part of every name, and <c>prod</c> is sized for it.</summary>
    public required string Stage { get; init; }

    /// <summary>The public host name the certificate is for (e.g. <c>lms.example.com</c>); the JWT issuer is built from it.</summary>
    public required string DomainName { get; init; }

    /// <summary>ACM certificate for the HTTPS listener; when absent, the template asks for it as a parameter.</summary>
    public string? CertificateArn { get; init; }

    /// <summary>Origins of the web apps that call the API and upload straight to the bucket.</summary>
    public required IReadOnlyList<string> AllowedOrigins { get; init; }

    /// <summary>SMTP server the services that send mail use (Amazon SES's SMTP endpoint by default).</summary>
    public string? SmtpHost { get; init; }

    /// <summary>The sender of the platform's mail.</summary>
    public required string MailFrom { get; init; }

    /// <summary>The image tag a <c>cdk deploy</c> runs; the pipeline deploys each new image by digest.</summary>
    public required string ImageTag { get; init; }

    /// <summary>How many images each ECR repository keeps.</summary>
    public required int KeepImages { get; init; }

    /// <summary><c>owner/name</c> of the GitHub repository whose workflows may push images and deploy (OIDC).</summary>
    public string? GitHubRepository { get; init; }

    /// <summary>An existing GitHub OIDC provider in the account (there can be only one); created when absent.</summary>
    public string? GitHubOidcProviderArn { get; init; }

    /// <summary>
    /// False for the very first deployment: everything but the ECS services, so the images can be pushed and the
    /// database users created (the setup task) before any service starts.
    /// </summary>
    public required bool WithServices { get; init; }

    /// <summary>Who is mailed every alarm (the on-call address; it confirms the subscription from the first mail).</summary>
    public string? AlarmEmail { get; init; }

    /// <summary>A chat incoming-webhook URL (Slack, Mattermost, Google Chat…) every alarm is posted to as <c>{"text": …}</c>.</summary>
    public string? AlarmWebhookUrl { get; init; }

    public bool IsProduction => Stage == "prod";

    public string Prefix => $"lms-{Stage}";

    public static DeploySettings From(Construct scope)
    {
        var stage = Text(scope, "stage") ?? "dev";
        var domain = Text(scope, "domainName") ?? $"{stage}.lms.example.com";
        return new DeploySettings
        {
            Stage = stage,
            DomainName = domain,
            CertificateArn = Text(scope, "certificateArn"),
            AllowedOrigins = (Text(scope, "allowedOrigins") ?? $"https://{domain}").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            SmtpHost = Text(scope, "smtpHost"),
            MailFrom = Text(scope, "mailFrom") ?? $"LMS <no-reply@{domain}>",
            ImageTag = Text(scope, "imageTag") ?? "latest",
            KeepImages = int.Parse(Text(scope, "keepImages") ?? "30", System.Globalization.CultureInfo.InvariantCulture),
            GitHubRepository = Text(scope, "githubRepository"),
            GitHubOidcProviderArn = Text(scope, "githubOidcProviderArn"),
            WithServices = !string.Equals(Text(scope, "withServices"), "false", StringComparison.OrdinalIgnoreCase),
            AlarmEmail = Text(scope, "alarmEmail"),
            AlarmWebhookUrl = Text(scope, "alarmWebhookUrl"),
        };
    }

    // Context from the command line arrives as text, from cdk.json as JSON values; both read as text here.
    private static string? Text(Construct scope, string key)
    {
        var value = scope.Node.TryGetContext(key)?.ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
