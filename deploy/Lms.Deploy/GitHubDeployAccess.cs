using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace Lms.Deploy;

/// <summary>
/// Roles the workflows in <c>.github/workflows</c> assume with GitHub's OIDC token: <c>deploy</c> (main branch and
/// the stage's environment) pushes images, registers task definitions, updates services and runs <c>cdk deploy</c>
/// through the CDK bootstrap roles; <c>diff</c> (pull requests) may only look, for <c>cdk diff</c>.
/// </summary>
public sealed class GitHubDeployAccess : Construct
{
    private const string TokenHost = "token.actions.githubusercontent.com";

    public Role DeployRole { get; }

    public Role DiffRole { get; }

    public GitHubDeployAccess(Construct scope, string id, DeploySettings settings, string repository, IEnumerable<Repository> repositories)
        : base(scope, id)
    {
        var stack = Stack.Of(this);
        var providerArn = settings.GitHubOidcProviderArn ?? new CfnOIDCProvider(this, "Provider", new CfnOIDCProviderProps
        {
            Url = $"https://{TokenHost}",
            ClientIdList = ["sts.amazonaws.com"],
            // AWS no longer checks this thumbprint for GitHub's issuer, but the resource still requires one.
            ThumbprintList = ["6938fd4d98bab03faadb97b34396831e3780aea1"],
        }).AttrArn;

        DeployRole = new Role(this, "Deploy", new RoleProps
        {
            RoleName = $"{settings.Prefix}-github-deploy",
            Description = $"GitHub Actions of {repository}: push images, deploy services and run cdk deploy for {settings.Stage}",
            MaxSessionDuration = Duration.Hours(1),
            AssumedBy = GitHub(providerArn, $"repo:{repository}:ref:refs/heads/main", $"repo:{repository}:environment:{settings.Stage}"),
        });
        foreach (var ecr in repositories)
        {
            ecr.GrantPullPush(DeployRole);
            ecr.Grant(DeployRole, "ecr:DescribeImages", "ecr:DescribeImageScanFindings");
        }

        var ecsScope = $"arn:{stack.Partition}:ecs:{stack.Region}:{stack.Account}";
        DeployRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "TaskDefinitions",
            Actions = ["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"],
            Resources = ["*"], // neither action can be narrowed to a resource
        }));
        DeployRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ServicesOfThisStage",
            Actions = ["ecs:UpdateService", "ecs:DescribeServices", "ecs:RunTask", "ecs:DescribeTasks"],
            Resources =
            [
                $"{ecsScope}:service/{settings.Prefix}/*",
                $"{ecsScope}:task-definition/{settings.Prefix}-*",
                $"{ecsScope}:task/{settings.Prefix}/*",
            ],
        }));
        DeployRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "PassTaskRolesToEcs",
            Actions = ["iam:PassRole"],
            Resources = [$"arn:{stack.Partition}:iam::{stack.Account}:role/{PlatformStack.NameFor(settings)}-*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["iam:PassedToService"] = "ecs-tasks.amazonaws.com" },
            },
        }));
        DeployRole.AddToPolicy(AssumeCdkRoles(stack, "deploy", "file-publishing", "image-publishing", "lookup"));

        DiffRole = new Role(this, "Diff", new RoleProps
        {
            RoleName = $"{settings.Prefix}-github-diff",
            Description = $"GitHub Actions of {repository} on pull requests: cdk diff against {settings.Stage}",
            MaxSessionDuration = Duration.Hours(1),
            AssumedBy = GitHub(providerArn, $"repo:{repository}:pull_request"),
        });
        DiffRole.AddToPolicy(AssumeCdkRoles(stack, "lookup"));

        _ = new CfnOutput(this, "DeployRoleArn", new CfnOutputProps { Value = DeployRole.RoleArn, Description = "GitHub variable AWS_DEPLOY_ROLE_ARN" });
        _ = new CfnOutput(this, "DiffRoleArn", new CfnOutputProps { Value = DiffRole.RoleArn, Description = "GitHub variable AWS_DIFF_ROLE_ARN" });
    }

    private static FederatedPrincipal GitHub(string providerArn, params string[] subjects) =>
        new(providerArn, new Dictionary<string, object>
        {
            ["StringEquals"] = new Dictionary<string, object> { [$"{TokenHost}:aud"] = "sts.amazonaws.com" },
            ["StringLike"] = new Dictionary<string, object> { [$"{TokenHost}:sub"] = subjects },
        }, "sts:AssumeRoleWithWebIdentity");

    // The roles `cdk bootstrap` made (default qualifier); the CDK CLI assumes them to diff and deploy.
    private static PolicyStatement AssumeCdkRoles(Stack stack, params string[] kinds) => new(new PolicyStatementProps
    {
        Sid = "CdkBootstrapRoles",
        Actions = ["sts:AssumeRole"],
        Resources = [.. kinds.Select(kind => $"arn:{stack.Partition}:iam::{stack.Account}:role/cdk-hnb659fds-{kind}-role-{stack.Account}-{stack.Region}")],
    });
}
