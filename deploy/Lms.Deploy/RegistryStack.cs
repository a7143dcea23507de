using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace Lms.Deploy;

/// <summary>
/// What must exist before any image can run: one ECR repository per service (scanned on push, the last N images
/// kept), and the role GitHub Actions assumes over OIDC to push to them and deploy (no long-lived keys).
/// </summary>
public sealed class RegistryStack : Stack
{
    public IReadOnlyDictionary<string, Repository> Repositories { get; }

    public RegistryStack(Construct scope, string id, DeploySettings settings, IStackProps? props = null)
        : base(scope, id, props)
    {
        var repositories = new Dictionary<string, Repository>();
        foreach (var service in ServiceCatalog.All)
        {
            repositories[service.Name] = new Repository(this, $"{service.Name}-repository", new RepositoryProps
            {
                RepositoryName = RepositoryName(settings, service),
                ImageScanOnPush = true,
                // The pipeline pushes every build as its commit and as "latest", which a later cdk deploy runs.
                ImageTagMutability = TagMutability.MUTABLE,
                Encryption = RepositoryEncryption.AES_256,
                LifecycleRules =
                [
                    new LifecycleRule
                    {
                        Description = $"Keep the last {settings.KeepImages} images",
                        MaxImageCount = settings.KeepImages,
                        TagStatus = TagStatus.ANY,
                    },
                ],
                RemovalPolicy = RemovalPolicy.RETAIN,
            });
        }
        Repositories = repositories;

        if (settings.GitHubRepository is { } repository)
        {
            _ = new GitHubDeployAccess(this, "GitHub", settings, repository, repositories.Values);
        }
    }

    public static string RepositoryName(DeploySettings settings, ServiceSpec service) => $"{settings.Prefix}/{service.Name}";
}
