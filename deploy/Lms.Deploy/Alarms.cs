using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace Lms.Deploy;

/// <summary>
/// Every alarm of the platform, each telling the on-call topic when it fires and when it is over, each named
/// <c>lms-{stage}-{what}[-{service}]</c> and described with its runbook in docs/OPERATIONS.md ("Runbooks").
/// Thresholds are constants here so the tests and the runbooks can name them.
/// </summary>
public sealed class Alarms : Construct
{
    public const double LoadBalancer5xxPercent = 5;
    public const double GatewayTargetP99Seconds = 2;
    public const double ServiceP99Seconds = 1;
    public const double OldestPendingOutboxSeconds = 60;
    public const double ConsumerFaultsPerFiveMinutes = 3;
    public const double DatabaseCpuPercent = 80;
    public const double DatabaseFreeStorageBytes = 2L * 1024 * 1024 * 1024;
    public const double BrokerReadyMessages = 1000;

    /// <summary>Services whose request latency the p99 alarm reads. The live service holds its hub connections as requests
    /// that last the whole class, and the gateway proxies them, so their p99 is the ALB target's (<see cref="GatewayTargetP99Seconds"/>).</summary>
    public static readonly string[] LatencyWatched = ["identity", "institution", "company", "student", "content", "board"];

    private const string Runbooks = "docs/OPERATIONS.md, Runbooks: ";

    private readonly DeploySettings _settings;
    private readonly SnsAction _onCall;
    private readonly PlatformMetrics _metrics;

    public List<Alarm> All { get; } = [];

    public Alarms(Construct scope, string id, DeploySettings settings, ITopic onCall)
        : base(scope, id)
    {
        _settings = settings;
        _onCall = new SnsAction(onCall);
        _metrics = new PlatformMetrics(settings);
    }

    /// <summary>The load balancer's 5xx answers as a share of its requests, and the gateway target's p99 latency.</summary>
    public void WatchEdge(ApplicationLoadBalancer loadBalancer, ApplicationTargetGroup gateway)
    {
        Metric Elb(string name, string statistic, IDictionary<string, string>? more = null)
        {
            var dimensions = new Dictionary<string, string> { ["LoadBalancer"] = loadBalancer.LoadBalancerFullName };
            foreach (var (key, value) in more ?? new Dictionary<string, string>())
            {
                dimensions[key] = value;
            }
            return new Metric(new MetricProps
            {
                Namespace = "AWS/ApplicationELB", MetricName = name, DimensionsMap = dimensions, Statistic = statistic, Period = Duration.Minutes(5),
            });
        }

        var rate = new MathExpression(new MathExpressionProps
        {
            Expression = "IF(requests > 0, 100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests, 0)",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["requests"] = Elb("RequestCount", "Sum"),
                ["target5xx"] = Elb("HTTPCode_Target_5XX_Count", "Sum"),
                ["elb5xx"] = Elb("HTTPCode_ELB_5XX_Count", "Sum"),
            },
            Label = "5xx answers, % of requests",
            Period = Duration.Minutes(5),
        });
        Add("load-balancer-5xx", rate, LoadBalancer5xxPercent, ComparisonOperator.GREATER_THAN_THRESHOLD, 2, 2,
            "More than 5% of the load balancer's answers were 5xx for 10 minutes.", "load-balancer-5xx");

        var p99 = Elb("TargetResponseTime", "p99", new Dictionary<string, string> { ["TargetGroup"] = gateway.TargetGroupFullName });
        Add("latency-p99-gateway", p99, GatewayTargetP99Seconds, ComparisonOperator.GREATER_THAN_THRESHOLD, 3, 3,
            "The gateway target's p99 response time was over 2 s for 15 minutes.", "latency-p99");
    }

    /// <summary>One service's alarms: its tasks, latency, outbox, dead letters and consumer faults.</summary>
    public void WatchService(Microservice service, string clusterName)
    {
        var name = service.Spec.Name;
        var tasks = new MathExpression(new MathExpressionProps
        {
            Expression = "desired - running",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["desired"] = ContainerInsights(clusterName, name, "DesiredTaskCount"),
                ["running"] = ContainerInsights(clusterName, name, "RunningTaskCount"),
            },
            Label = $"{name}: tasks missing",
            Period = Duration.Minutes(5),
        });
        Add($"tasks-below-desired-{name}", tasks, 0, ComparisonOperator.GREATER_THAN_THRESHOLD, 2, 2,
            $"{name} has run fewer tasks than desired for 10 minutes.", "tasks-below-desired");

        if (LatencyWatched.Contains(name))
        {
            Add($"latency-p99-{name}", _metrics.Of(name, "http.server.request.duration", "p99", Duration.Minutes(5)), ServiceP99Seconds,
                ComparisonOperator.GREATER_THAN_THRESHOLD, 3, 3, $"{name}'s p99 request duration was over 1 s for 15 minutes.", "latency-p99");
        }

        if (!service.Spec.Database)
        {
            return;
        }

        Add($"dead-letters-{name}", _metrics.Of(name, "lms.outbox.dead_letters.waiting", "Maximum", Duration.Minutes(1)), 0,
            ComparisonOperator.GREATER_THAN_THRESHOLD, 1, 1, $"{name} holds an outbox dead letter: an event that never left it.", "dead-letters");
        Add($"outbox-stalled-{name}", _metrics.Of(name, "lms.outbox.oldest_pending.age", "Maximum", Duration.Minutes(1)), OldestPendingOutboxSeconds,
            ComparisonOperator.GREATER_THAN_THRESHOLD, 2, 2, $"{name}'s oldest unpublished event has waited more than a minute.", "outbox-stalled");
        Add($"consumer-faults-{name}", _metrics.Of(name, "lms.consumer.faults", "Sum", Duration.Minutes(5)), ConsumerFaultsPerFiveMinutes,
            ComparisonOperator.GREATER_THAN_THRESHOLD, 1, 1, $"{name}'s consumers gave up on more than 3 deliveries in 5 minutes (now in _error queues).",
            "consumer-faults");

        if (name == "student")
        {
            var timedOut = _metrics.Of(name, "lms.teachback.submissions", "Sum", Duration.Minutes(15), "teach-back TIMED_OUT",
                new Dictionary<string, string> { ["lms.teachback.status"] = "TIMED_OUT" });
            Add("teachback-timed-out", timedOut, 0, ComparisonOperator.GREATER_THAN_THRESHOLD, 1, 1,
                "A teach-back submission went past its deadline (Teachback:Deadline, 10 minutes) without a result.", "teachback-timed-out");
        }
    }

    /// <summary>The database's CPU, free storage and connections.</summary>
    public void WatchDatabase(Database database)
    {
        var instance = database.Instance;
        Add("database-cpu", instance.MetricCPUUtilization(new MetricOptions { Period = Duration.Minutes(5), Statistic = "Average" }),
            DatabaseCpuPercent, ComparisonOperator.GREATER_THAN_THRESHOLD, 3, 3, "The database's CPU was over 80% for 15 minutes.", "database-cpu");
        Add("database-free-storage", instance.MetricFreeStorageSpace(new MetricOptions { Period = Duration.Minutes(5), Statistic = "Minimum" }),
            DatabaseFreeStorageBytes, ComparisonOperator.LESS_THAN_THRESHOLD, 1, 1, "The database has less than 2 GiB of storage free.",
            "database-free-storage");
        Add("database-connections", instance.MetricDatabaseConnections(new MetricOptions { Period = Duration.Minutes(5), Statistic = "Maximum" }),
            DatabaseConnectionLimit(_settings), ComparisonOperator.GREATER_THAN_THRESHOLD, 2, 2,
            "The database's connections are near the instance's limit (80%).", "database-connections");
    }

    /// <summary>80% of what MySQL allows the instance class: about 1,360 on the production r6g.large, 85 on a t4g.micro.</summary>
    public static double DatabaseConnectionLimit(DeploySettings settings) => settings.IsProduction ? 1000 : 60;

    /// <summary>The broker's health as the platform sees it: every service connected, and nothing piling up unconsumed.</summary>
    public void WatchBroker(Broker broker, int servicesOnTheBus)
    {
        Metric Mq(string name, string statistic) => new(new MetricProps
        {
            Namespace = "AWS/AmazonMQ", MetricName = name, Statistic = statistic, Period = Duration.Minutes(5),
            DimensionsMap = new Dictionary<string, string> { ["Broker"] = broker.Resource.BrokerName },
        });

        // No data is an alarm here: a broker that reports nothing is a broker that is not there.
        Add("broker-connections", Mq("ConnectionCount", "Minimum"), servicesOnTheBus, ComparisonOperator.LESS_THAN_THRESHOLD, 2, 2,
            $"Fewer than {servicesOnTheBus} connections to the broker for 10 minutes: it is down or services cannot reach it.", "broker",
            TreatMissingData.BREACHING);
        Add("broker-backlog", Mq("MessageReadyCount", "Maximum"), BrokerReadyMessages, ComparisonOperator.GREATER_THAN_THRESHOLD, 2, 2,
            "More than 1000 messages waited in the broker's queues for 10 minutes: consumers are not keeping up, or _error queues are filling.",
            "broker");
    }

    private static Metric ContainerInsights(string cluster, string service, string name) => new(new MetricProps
    {
        Namespace = "ECS/ContainerInsights",
        MetricName = name,
        DimensionsMap = new Dictionary<string, string> { ["ClusterName"] = cluster, ["ServiceName"] = service },
        Statistic = "Average",
        Period = Duration.Minutes(5),
    });

    private void Add(string what, IMetric metric, double threshold, ComparisonOperator comparison, int evaluationPeriods, int datapoints,
        string meaning, string runbook, TreatMissingData missing = TreatMissingData.NOT_BREACHING)
    {
        var alarm = new Alarm(this, what, new AlarmProps
        {
            AlarmName = $"{_settings.Prefix}-{what}",
            AlarmDescription = $"{meaning} {Runbooks}{runbook}",
            Metric = metric,
            Threshold = threshold,
            ComparisonOperator = comparison,
            EvaluationPeriods = evaluationPeriods,
            DatapointsToAlarm = datapoints,
            TreatMissingData = missing,
        });
        alarm.AddAlarmAction(_onCall);
        alarm.AddOkAction(_onCall);
        All.Add(alarm);
    }
}
