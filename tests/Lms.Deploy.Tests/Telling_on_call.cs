using System.Text.Json;
using Amazon.CDK.Assertions;

namespace Lms.Deploy.Tests;

/// <summary>
/// On-call is told: every alarm of docs/OPERATIONS.md exists with its threshold and tells the on-call topic when it
/// fires and when it is over; the topic mails the address and posts to the chat webhook the context names; a dashboard
/// per service and one for the platform; logs that lead to traces.
/// </summary>
[Collection(SynthesizedAppGroup.Name)]
public sealed class Telling_on_call(SynthesizedApp app)
{
    private const string Prefix = "lms-" + SynthesizedApp.Stage;
    private static readonly string[] WithOutbox = [.. ServiceCatalog.Services.Where(s => s.Database).Select(s => s.Name)];

    private JsonElement Json => app.PlatformJson;

    private string Topic => Json.ResourcesOf("AWS::SNS::Topic").Single(t => t.Properties.GetProperty("TopicName").GetString() == $"{Prefix}-on-call").Id;

    /// <summary>Every alarm the platform must have: name, threshold, comparison.</summary>
    public static TheoryData<string, double, string> ExpectedAlarms()
    {
        var data = new TheoryData<string, double, string>
        {
            { "load-balancer-5xx", 5, "GreaterThanThreshold" },
            { "latency-p99-gateway", 2, "GreaterThanThreshold" },
            { "teachback-timed-out", 0, "GreaterThanThreshold" },
            { "database-cpu", 80, "GreaterThanThreshold" },
            { "database-free-storage", 2L * 1024 * 1024 * 1024, "LessThanThreshold" },
            { "database-connections", 1000, "GreaterThanThreshold" },
            { "broker-connections", WithOutbox.Length, "LessThanThreshold" },
            { "broker-backlog", 1000, "GreaterThanThreshold" },
        };
        foreach (var service in ServiceCatalog.All)
        {
            data.Add($"tasks-below-desired-{service.Name}", 0, "GreaterThanThreshold");
        }
        foreach (var service in Alarms.LatencyWatched)
        {
            data.Add($"latency-p99-{service}", 1, "GreaterThanThreshold");
        }
        foreach (var service in WithOutbox)
        {
            data.Add($"dead-letters-{service}", 0, "GreaterThanThreshold");
            data.Add($"outbox-stalled-{service}", 60, "GreaterThanThreshold");
            data.Add($"consumer-faults-{service}", 3, "GreaterThanThreshold");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ExpectedAlarms))]
    public void Raises_each_alarm_at_its_threshold_and_tells_the_on_call_topic_when_it_fires_and_when_it_is_over(
        string alarm, double threshold, string comparison)
    {
        var found = Alarm($"{Prefix}-{alarm}");

        Assert.Equal(threshold, found.GetProperty("Threshold").GetDouble());
        Assert.Equal(comparison, found.GetProperty("ComparisonOperator").GetString());
        Assert.Equal([Topic], found.GetProperty("AlarmActions").References());
        Assert.Equal([Topic], found.GetProperty("OKActions").References());
        Assert.Contains("docs/OPERATIONS.md", found.GetProperty("AlarmDescription").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Makes_no_alarm_that_tells_nobody_or_that_the_runbooks_do_not_list()
    {
        var expected = ExpectedAlarms().Select(row => $"{Prefix}-{row[0]}").Order().ToArray();
        var alarms = Json.ResourcesOf("AWS::CloudWatch::Alarm").Select(a => a.Properties.GetProperty("AlarmName").GetString()!).Order().ToArray();

        Assert.Equal(expected, alarms);
        var runbooks = File.ReadAllText(Path.Combine(Repository.Root, "docs", "OPERATIONS.md"));
        foreach (var anchor in Json.ResourcesOf("AWS::CloudWatch::Alarm")
            .Select(a => a.Properties.GetProperty("AlarmDescription").GetString()!.Split("Runbooks: ")[1]).Distinct())
        {
            Assert.Contains($"<a id=\"{anchor}\"></a>", runbooks, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Watches_the_platforms_own_metrics_by_service()
    {
        var deadLetters = MetricStatOf($"{Prefix}-dead-letters-identity");
        Assert.Equal("lms.outbox.dead_letters.waiting", deadLetters.GetProperty("Metric").GetProperty("MetricName").GetString());
        Assert.Equal($"LMS/{SynthesizedApp.Stage}", deadLetters.GetProperty("Metric").GetProperty("Namespace").GetString());
        Assert.Equal("Maximum", deadLetters.GetProperty("Stat").GetString());
        var dimension = Assert.Single(deadLetters.GetProperty("Metric").GetProperty("Dimensions").EnumerateArray());
        Assert.Equal("service.name", dimension.GetProperty("Name").GetString());
        Assert.Equal("identity", dimension.GetProperty("Value").GetString());

        var stalled = MetricStatOf($"{Prefix}-outbox-stalled-board");
        Assert.Equal("lms.outbox.oldest_pending.age", stalled.GetProperty("Metric").GetProperty("MetricName").GetString());
        Assert.Equal(60, stalled.GetProperty("Period").GetInt32());
        var timedOut = MetricStatOf($"{Prefix}-teachback-timed-out");
        Assert.Contains(timedOut.GetProperty("Metric").GetProperty("Dimensions").EnumerateArray(), d =>
            d.GetProperty("Name").GetString() == "lms.teachback.status" && d.GetProperty("Value").GetString() == "TIMED_OUT");
        Assert.Equal("p99", MetricStatOf($"{Prefix}-latency-p99-student").GetProperty("Stat").GetString());
        Assert.Equal("lms.consumer.faults", MetricStatOf($"{Prefix}-consumer-faults-live").GetProperty("Metric").GetProperty("MetricName").GetString());
    }

    [Fact]
    public void Mails_the_on_call_address_and_posts_to_the_chat_webhook_from_context()
    {
        app.Platform.HasResourceProperties("AWS::SNS::Subscription", new Dictionary<string, object>
        {
            ["Protocol"] = "email",
            ["Endpoint"] = SynthesizedApp.OnCallEmail,
            ["TopicArn"] = new Dictionary<string, object> { ["Ref"] = Topic },
        });
        var toChat = Assert.Single(Json.ResourcesOf("AWS::SNS::Subscription"), s => s.Properties.GetProperty("Protocol").GetString() == "lambda");
        var forwarder = Json.Resource(toChat.Properties.GetProperty("Endpoint").References().Single()).GetProperty("Properties");
        Assert.Equal(SynthesizedApp.ChatWebhook,
            forwarder.GetProperty("Environment").GetProperty("Variables").GetProperty("WEBHOOK_URL").GetString());
        Assert.Contains("fetch(process.env.WEBHOOK_URL", forwarder.GetProperty("Code").GetProperty("ZipFile").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_a_dashboard_per_service_and_one_for_the_platform()
    {
        var names = Json.ResourcesOf("AWS::CloudWatch::Dashboard").Select(d => d.Properties.GetProperty("DashboardName").GetString()!).Order();

        Assert.Equal(ServiceCatalog.All.Select(s => $"{Prefix}-{s.Name}").Append($"{Prefix}-platform").Order(), names);
    }

    [Fact]
    public void Writes_every_services_log_as_json_lines_carrying_the_trace_id_and_sends_metrics_by_service()
    {
        foreach (var service in ServiceCatalog.All)
        {
            var task = Json.Resource(Json.ResourcesOf("AWS::ECS::Service")
                .Single(s => s.Properties.GetProperty("ServiceName").GetString() == service.Name).Properties
                .GetProperty("TaskDefinition").References().Single()).GetProperty("Properties");
            var containers = task.GetProperty("ContainerDefinitions").EnumerateArray().ToList();
            var environment = Assert.Single(containers, c => c.GetProperty("Name").GetString() == service.Name).GetProperty("Environment")
                .EnumerateArray().ToDictionary(e => e.GetProperty("Name").GetString()!, e => e.GetProperty("Value").ToString());
            Assert.Equal("json", environment["Logging__Console__FormatterName"]);
            Assert.Equal("true", environment["Logging__Console__FormatterOptions__IncludeScopes"]);
            var collector = Assert.Single(containers, c => c.GetProperty("Name").GetString() == "otel-collector").GetProperty("Environment")
                .EnumerateArray().Single(e => e.GetProperty("Name").GetString() == "AOT_CONFIG_CONTENT").GetProperty("Value").GetString()!;
            Assert.Contains("- dimensions: [[service.name]]", collector, StringComparison.Ordinal);
        }
    }

    /// <summary>The one metric an alarm reads (CloudWatch's Metrics array form, as CDK writes a labelled metric).</summary>
    private JsonElement MetricStatOf(string alarm) =>
        Assert.Single(Alarm(alarm).GetProperty("Metrics").EnumerateArray()).GetProperty("MetricStat");

    private JsonElement Alarm(string name) =>
        Assert.Single(Json.ResourcesOf("AWS::CloudWatch::Alarm"), a => a.Properties.GetProperty("AlarmName").GetString() == name).Properties;
}
