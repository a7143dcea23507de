using System.Diagnostics;
using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace Lms.Deploy.Tests;

/// <summary>
/// The CDK app synthesized once for every test that reads it (synthesis starts Node.js through jsii and takes
/// seconds), with the production stage's shape and a GitHub repository, as a reviewer would deploy it.
/// </summary>
public sealed class SynthesizedApp
{
    public const string Stage = "prod";

    public const string OnCallEmail = "oncall@example.com";

    public const string ChatWebhook = "https://chat.example.com/hooks/lms-alarms";

    public Template Platform { get; }

    public Template Registry { get; }

    /// <summary>The platform template as JSON, for checks that follow references between resources.</summary>
    public JsonElement PlatformJson { get; }

    public JsonElement RegistryJson { get; }

    public TimeSpan SynthesisTime { get; }

    public SynthesizedApp()
    {
        var watch = Stopwatch.StartNew();
        // jsii's Node.js process inherits this: no end-of-life banner for the machine's Node 20 in the test log.
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        var app = new App(new AppProps
        {
            Context = new Dictionary<string, object>
            {
                ["stage"] = Stage,
                ["domainName"] = "lms.example.com",
                ["certificateArn"] = "arn:aws:acm:ap-northeast-2:123456789012:certificate/00000000-0000-0000-0000-000000000000",
                ["githubRepository"] = "example/lms",
                ["alarmEmail"] = OnCallEmail,
                ["alarmWebhookUrl"] = ChatWebhook,
            },
        });
        var (registry, platform) = LmsApp.Build(app);
        var assembly = app.Synth();
        var platformText = File.ReadAllText(Path.Combine(assembly.Directory, platform.TemplateFile));
        var registryText = File.ReadAllText(Path.Combine(assembly.Directory, registry.TemplateFile));
        Platform = Template.FromString(platformText);
        Registry = Template.FromString(registryText);
        PlatformJson = JsonDocument.Parse(platformText).RootElement.Clone();
        RegistryJson = JsonDocument.Parse(registryText).RootElement.Clone();
        SynthesisTime = watch.Elapsed;
    }
}

[CollectionDefinition(Name)]
public sealed class SynthesizedAppGroup : ICollectionFixture<SynthesizedApp>
{
    public const string Name = "synthesized CDK app";
}
