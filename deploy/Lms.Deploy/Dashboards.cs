using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Constructs;

namespace Lms.Deploy;

/// <summary>
/// CloudWatch dashboards built from the same metrics as the alarms: one per service (<c>lms-{stage}-{service}</c>: its
/// requests, latency, tasks, outbox, consumers, and the numbers of its own features) and one for the platform
/// (<c>lms-{stage}-platform</c>: the edge, every service's outbox and faults side by side, the database, the broker and
/// every alarm's state).
/// </summary>
public sealed class Dashboards : Construct
{
    private static readonly string[] SignInRefusalReasons = ["throttled", "busy", "locked_out", "unknown_login", "wrong_password", "unconfirmed"];
    private static readonly string[] TeachbackStatuses = ["SUCCEEDED", "NO_SPEECH", "FAILED", "TIMED_OUT"];
    private static readonly Duration Minute = Duration.Minutes(1);
    private static readonly Duration FiveMinutes = Duration.Minutes(5);

    private readonly DeploySettings _settings;
    private readonly PlatformMetrics _metrics;

    public Dashboards(Construct scope, string id, DeploySettings settings)
        : base(scope, id)
    {
        _settings = settings;
        _metrics = new PlatformMetrics(settings);
    }

    public Dashboard Service(Microservice service, string clusterName)
    {
        var name = service.Spec.Name;
        var dashboard = new Dashboard(this, name, new DashboardProps { DashboardName = $"{_settings.Prefix}-{name}" });
        dashboard.AddWidgets(
            Graph("Requests", _metrics.Of(name, "http.server.request.duration", "SampleCount", Minute, "requests")),
            Graph("Request duration (s)",
                _metrics.Of(name, "http.server.request.duration", "p50", FiveMinutes, "p50"),
                _metrics.Of(name, "http.server.request.duration", "p99", FiveMinutes, "p99")),
            Graph("Tasks", Ecs(clusterName, name, "RunningTaskCount"), Ecs(clusterName, name, "DesiredTaskCount")),
            Graph("CPU and memory (%)", Ecs(clusterName, name, "CPUUtilization", "AWS/ECS"), Ecs(clusterName, name, "MemoryUtilization", "AWS/ECS")));
        if (service.Spec.Database)
        {
            dashboard.AddWidgets(
                Graph("Outbox pending", _metrics.Of(name, "lms.outbox.pending", "Maximum", Minute, "pending")),
                Graph("Oldest pending event (s)", _metrics.Of(name, "lms.outbox.oldest_pending.age", "Maximum", Minute, "age")),
                Graph("Events published / dead letters waiting",
                    _metrics.Of(name, "messaging.client.sent.messages", "Sum", FiveMinutes, "publish attempts"),
                    _metrics.Of(name, "lms.outbox.dead_letters.waiting", "Maximum", Minute, "dead letters")),
                Graph("Consumer deliveries given up", _metrics.Of(name, "lms.consumer.faults", "Sum", FiveMinutes, "faults")));
        }
        var own = OwnWidgets(name);
        if (own.Length > 0)
        {
            dashboard.AddWidgets(own);
        }
        return dashboard;
    }

    public Dashboard Platform(IReadOnlyCollection<Microservice> services, ApplicationLoadBalancer loadBalancer, Database database,
        Broker broker, IReadOnlyList<Alarm> alarms)
    {
        var dashboard = new Dashboard(this, "platform", new DashboardProps { DashboardName = $"{_settings.Prefix}-platform" });
        Metric Elb(string metric, string statistic, string label) => new(new MetricProps
        {
            Namespace = "AWS/ApplicationELB", MetricName = metric, Statistic = statistic, Period = FiveMinutes, Label = label,
            DimensionsMap = new Dictionary<string, string> { ["LoadBalancer"] = loadBalancer.LoadBalancerFullName },
        });
        Metric Mq(string metric, string statistic) => new(new MetricProps
        {
            Namespace = "AWS/AmazonMQ", MetricName = metric, Statistic = statistic, Period = FiveMinutes,
            DimensionsMap = new Dictionary<string, string> { ["Broker"] = broker.Resource.BrokerName },
        });
        var withOutbox = services.Where(s => s.Spec.Database).Select(s => s.Spec.Name).ToArray();
        var instance = database.Instance;

        dashboard.AddWidgets(new AlarmStatusWidget(new AlarmStatusWidgetProps { Title = "Alarms", Alarms = [.. alarms], Width = 24 }));
        dashboard.AddWidgets(
            Graph("Load balancer: requests and 5xx", Elb("RequestCount", "Sum", "requests"), Elb("HTTPCode_Target_5XX_Count", "Sum", "target 5xx"),
                Elb("HTTPCode_ELB_5XX_Count", "Sum", "load balancer 5xx")),
            Graph("Load balancer: target response time (s)", Elb("TargetResponseTime", "p50", "p50"), Elb("TargetResponseTime", "p99", "p99")),
            Graph("Oldest pending event per service (s)", [.. withOutbox.Select(n => _metrics.Of(n, "lms.outbox.oldest_pending.age", "Maximum", Minute, n))]),
            Graph("Dead letters waiting per service", [.. withOutbox.Select(n => _metrics.Of(n, "lms.outbox.dead_letters.waiting", "Maximum", Minute, n))]));
        dashboard.AddWidgets(
            Graph("Consumer deliveries given up per service", [.. withOutbox.Select(n => _metrics.Of(n, "lms.consumer.faults", "Sum", FiveMinutes, n))]),
            Graph("Database: CPU (%) and connections", instance.MetricCPUUtilization(), instance.MetricDatabaseConnections()),
            Graph("Database: free storage (bytes)", instance.MetricFreeStorageSpace()),
            Graph("Broker: connections and ready messages", Mq("ConnectionCount", "Minimum"), Mq("MessageReadyCount", "Maximum")));
        return dashboard;
    }

    // The numbers of a service's own features (docs/OPERATIONS.md, "Metrics").
    private IWidget[] OwnWidgets(string service) => service switch
    {
        "identity" =>
        [
            Graph("Sign-in refusals by reason", [.. SignInRefusalReasons.Select(reason => Reason(service, "lms.identity.sign_in.refusals", reason))]),
        ],
        "live" =>
        [
            Graph("Classroom on each instance",
                _metrics.Of(service, "signalr.server.active_connections", "Maximum", Minute, "hub connections"),
                _metrics.Of(service, "lms.live.classroom.connections", "Maximum", Minute, "joined connections"),
                _metrics.Of(service, "lms.live.classroom.sessions", "Maximum", Minute, "sessions")),
            Graph("Quiz answers and refused chat messages",
                _metrics.Of(service, "lms.live.quiz.answers", "Sum", FiveMinutes, "quiz answers"),
                _metrics.Of(service, "lms.live.chat.refusals", "Sum", FiveMinutes, "chat refused")),
        ],
        "student" =>
        [
            Graph("Teach-back results by status", [.. TeachbackStatuses.Select(status =>
                _metrics.Of(service, "lms.teachback.submissions", "Sum", FiveMinutes, status,
                    new Dictionary<string, string> { ["lms.teachback.status"] = status }))]),
            Graph("Teach-back time to result (s)",
                _metrics.Of(service, "lms.teachback.duration", "p50", FiveMinutes, "p50"),
                _metrics.Of(service, "lms.teachback.duration", "p99", FiveMinutes, "p99")),
        ],
        "content" =>
        [
            Graph("Uploads",
                _metrics.Of(service, "lms.content.uploads.started", "Sum", FiveMinutes, "started"),
                _metrics.Of(service, "lms.content.uploads.completed", "Sum", FiveMinutes, "completed"),
                _metrics.Of(service, "lms.content.uploads.refused", "Sum", FiveMinutes, "refused")),
        ],
        _ => [],
    };

    private Metric Reason(string service, string metric, string reason) =>
        _metrics.Of(service, metric, "Sum", FiveMinutes, reason, new Dictionary<string, string> { ["lms.refusal.reason"] = reason });

    private static Metric Ecs(string cluster, string service, string metric, string ns = "ECS/ContainerInsights") => new(new MetricProps
    {
        Namespace = ns,
        MetricName = metric,
        DimensionsMap = new Dictionary<string, string> { ["ClusterName"] = cluster, ["ServiceName"] = service },
        Statistic = "Average",
        Period = Minute,
        Label = metric,
    });

    private static GraphWidget Graph(string title, params IMetric[] metrics) => new(new GraphWidgetProps
    {
        Title = title,
        Left = metrics,
        Width = 6,
        Height = 6,
    });
}
