using Amazon.CDK.Assertions;
using Xunit.Abstractions;

namespace Lms.Deploy.Tests;

/// <summary>The registry stack: where images go, and who may push them.</summary>
[Collection(SynthesizedAppGroup.Name)]
public sealed class Registry_of_images(SynthesizedApp app, ITestOutputHelper output)
{
    [Fact]
    public void Has_one_repository_per_service_scanned_on_push_keeping_the_last_images()
    {
        output.WriteLine($"synthesis of both stacks took {app.SynthesisTime.TotalSeconds:F1} s");
        app.Registry.ResourceCountIs("AWS::ECR::Repository", ServiceCatalog.All.Count);
        foreach (var service in ServiceCatalog.All)
        {
            app.Registry.HasResourceProperties("AWS::ECR::Repository", new Dictionary<string, object>
            {
                ["RepositoryName"] = $"lms-{SynthesizedApp.Stage}/{service.Name}",
                ["ImageScanningConfiguration"] = new Dictionary<string, object> { ["ScanOnPush"] = true },
                ["LifecyclePolicy"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["LifecyclePolicyText"] = Match.StringLikeRegexp("imageCountMoreThan"),
                }),
            });
        }
    }

    [Fact]
    public void Lets_GitHub_deploy_through_OIDC_with_no_long_lived_keys()
    {
        app.Registry.ResourceCountIs("AWS::IAM::User", 0);
        app.Registry.ResourceCountIs("AWS::IAM::AccessKey", 0);
        app.Platform.ResourceCountIs("AWS::IAM::User", 0);
        app.Platform.ResourceCountIs("AWS::IAM::AccessKey", 0);
        app.Registry.HasResourceProperties("AWS::IAM::Role", new Dictionary<string, object>
        {
            ["RoleName"] = $"lms-{SynthesizedApp.Stage}-github-deploy",
            ["AssumeRolePolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Action"] = "sts:AssumeRoleWithWebIdentity",
                    ["Condition"] = new Dictionary<string, object>
                    {
                        ["StringEquals"] = new Dictionary<string, object> { ["token.actions.githubusercontent.com:aud"] = "sts.amazonaws.com" },
                        ["StringLike"] = new Dictionary<string, object>
                        {
                            ["token.actions.githubusercontent.com:sub"] = new[]
                            {
                                "repo:example/lms:ref:refs/heads/main",
                                $"repo:example/lms:environment:{SynthesizedApp.Stage}",
                            },
                        },
                    },
                })]),
            }),
        });
    }
}
