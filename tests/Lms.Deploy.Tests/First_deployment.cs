using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace Lms.Deploy.Tests;

/// <summary>
/// The first deployment (<c>-c withServices=false</c>, README "Deploying to AWS"): everything the services need,
/// and the database setup task, but no service yet, so none starts before its image and database user exist.
/// In the synthesized app's collection: jsii's one Node.js process must not be driven by two test classes at once.
/// </summary>
[Collection(SynthesizedAppGroup.Name)]
public sealed class First_deployment
{
    [Fact]
    public void Creates_the_data_stores_and_the_setup_task_but_no_service_and_the_balancer_answers_503()
    {
        var app = new App(new AppProps
        {
            Context = new Dictionary<string, object> { ["stage"] = "dev", ["withServices"] = "false" },
        });
        var (_, platform) = LmsApp.Build(app);
        var template = Template.FromStack(platform);

        template.ResourceCountIs("AWS::ECS::Service", 0);
        template.ResourceCountIs("AWS::RDS::DBInstance", 1);
        template.ResourceCountIs("AWS::AmazonMQ::Broker", 1);
        template.HasResourceProperties("AWS::ECS::TaskDefinition", new Dictionary<string, object> { ["Family"] = "lms-dev-database-setup" });
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", new Dictionary<string, object>
        {
            ["Protocol"] = "HTTPS",
            ["DefaultActions"] = new[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Type"] = "fixed-response",
                    ["FixedResponseConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["StatusCode"] = "503" }),
                }),
            },
        });
        // Without a certificate in context, the template asks for one.
        var parameters = JsonSerializer.SerializeToElement(template.ToJSON())
            .GetProperty("Parameters");
        Assert.True(parameters.TryGetProperty("CertificateArn", out _));
    }
}
