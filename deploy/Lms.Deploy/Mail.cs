using Amazon.CDK;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace Lms.Deploy;

/// <summary>
/// SMTP for the services that send mail (identity's confirmation codes, company invitations, board notices):
/// Amazon SES's SMTP endpoint in the stack's region unless context <c>smtpHost</c> names another. Each of those
/// services has its own secret <c>lms-{stage}/{service}/smtp</c>; CloudFormation creates it with a placeholder
/// user name, and the operator puts SES SMTP credentials into it once (README, "Deploying to AWS").
/// </summary>
public sealed class Mail : Construct
{
    public const int SmtpPort = 587;

    public string SmtpHost { get; }

    public IReadOnlyDictionary<string, Secret> Secrets { get; }

    public Mail(Construct scope, string id, DeploySettings settings)
        : base(scope, id)
    {
        SmtpHost = settings.SmtpHost ?? $"email-smtp.{Stack.Of(this).Region}.amazonaws.com";
        var secrets = new Dictionary<string, Secret>();
        foreach (var service in ServiceCatalog.All.Where(s => s.Mail))
        {
            secrets[service.Name] = new Secret(this, $"{service.Name}-smtp", new SecretProps
            {
                SecretName = $"{settings.Prefix}/{service.Name}/smtp",
                Description = $"SMTP credentials the {service.Name} service sends mail with (set them after the first deployment)",
                GenerateSecretString = new SecretStringGenerator
                {
                    SecretStringTemplate = "{\"username\":\"set-the-ses-smtp-user\"}",
                    GenerateStringKey = "password",
                },
            });
        }
        Secrets = secrets;
    }
}
