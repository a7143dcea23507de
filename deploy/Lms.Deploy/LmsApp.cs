using Amazon.CDK;

namespace Lms.Deploy;

/// <summary>The app's two stacks for one stage: the registry (deployed first, once) and the platform.</summary>
public static class LmsApp
{
    public static (RegistryStack Registry, PlatformStack Platform) Build(App app)
    {
        var settings = DeploySettings.From(app);
        var env = Environment();
        var registry = new RegistryStack(app, $"Lms-{settings.Stage}-Registry", settings, new StackProps
        {
            Env = env,
            Description = $"LMS {settings.Stage}: ECR repositories and GitHub deploy roles",
        });
        var platform = new PlatformStack(app, PlatformStack.NameFor(settings), settings, new StackProps
        {
            Env = env,
            Description = $"LMS {settings.Stage}: VPC, data stores, load balancer and the services on ECS Fargate",
        });
        foreach (var stack in new Stack[] { registry, platform })
        {
            Tags.Of(stack).Add("project", "lms");
            Tags.Of(stack).Add("stage", settings.Stage);
        }
        return (registry, platform);
    }

    // With credentials (the CDK CLI sets these) the stacks are bound to that account and region; without, they
    // synthesize environment-agnostic, which is how the tests and a machine without AWS access see them.
    private static Amazon.CDK.Environment? Environment()
    {
        var account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT");
        var region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION");
        return string.IsNullOrEmpty(account) || string.IsNullOrEmpty(region)
            ? null
            : new Amazon.CDK.Environment { Account = account, Region = region };
    }
}
