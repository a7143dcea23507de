using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace Lms.Deploy;

/// <summary>
/// The AWS Distro for OpenTelemetry collector as a sidecar in every task: the service exports OTLP to
/// <c>localhost:4317</c> (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), the collector sends traces to X-Ray, metrics to
/// CloudWatch (embedded metric format, namespace <c>LMS/{stage}</c>) and OTLP logs, which carry trace ids, to one
/// log group per stage. The services' console output goes to their own log groups through the awslogs driver.
/// </summary>
public sealed class TelemetryCollector : Construct
{
    public const string Image = "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0";
    public const string OtlpEndpoint = "http://127.0.0.1:4317";

    /// <summary>Where the collector writes metrics (EMF) and logs; one of each per stage.</summary>
    public LogGroup MetricsLogs { get; }

    public LogGroup TelemetryLogs { get; }

    private readonly DeploySettings _settings;

    public TelemetryCollector(Construct scope, string id, DeploySettings settings, RetentionDays retention)
        : base(scope, id)
    {
        _settings = settings;
        MetricsLogs = new LogGroup(this, "Metrics", new LogGroupProps
        {
            LogGroupName = $"/lms/{settings.Stage}/metrics",
            Retention = retention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        TelemetryLogs = new LogGroup(this, "Logs", new LogGroupProps
        {
            LogGroupName = $"/lms/{settings.Stage}/otel-logs",
            Retention = retention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
    }

    /// <summary>Adds the sidecar to a task and lets its task role write traces, metrics and logs, and nothing else.</summary>
    public ContainerDefinition AddTo(FargateTaskDefinition task, ServiceSpec service, LogGroup serviceLogs)
    {
        var collector = task.AddContainer("otel-collector", new ContainerDefinitionOptions
        {
            ContainerName = "otel-collector",
            Image = ContainerImage.FromRegistry(Image),
            Essential = true,
            Cpu = 64,
            MemoryReservationMiB = 128,
            Environment = new Dictionary<string, string> { ["AOT_CONFIG_CONTENT"] = Config(service) },
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { LogGroup = serviceLogs, StreamPrefix = "otel-collector" }),
            HealthCheck = new Amazon.CDK.AWS.ECS.HealthCheck
            {
                Command = ["CMD", "/healthcheck"],
                Interval = Duration.Seconds(15),
                Timeout = Duration.Seconds(5),
                Retries = 3,
                StartPeriod = Duration.Seconds(10),
            },
        });

        task.TaskRole.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "TracesToXRay",
            Actions = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
            Resources = ["*"], // X-Ray has no resource-level permissions for these
        }));
        task.TaskRole.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "MetricsAndLogsToCloudWatch",
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            Resources = [MetricsLogs.LogGroupArn, TelemetryLogs.LogGroupArn],
        }));
        return collector;
    }

    // The collector's whole configuration, passed as AOT_CONFIG_CONTENT; the log groups exist already (above).
    private string Config(ServiceSpec service) => $$"""
        extensions:
          health_check:
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: 127.0.0.1:4317
              http:
                endpoint: 127.0.0.1:4318
        processors:
          batch/traces:
            timeout: 1s
            send_batch_size: 50
          batch/metrics:
            timeout: 60s
          batch/logs:
            timeout: 5s
          resourcedetection:
            detectors: [env, ecs]
        exporters:
          awsxray: {}
          awsemf:
            namespace: LMS/{{_settings.Stage}}
            log_group_name: /lms/{{_settings.Stage}}/metrics
            log_stream_name: {{service.Name}}-{TaskId}
            # service.name is a resource attribute: turned into a label so it can be the dimension. Only the metrics the
            # alarms and dashboards read become CloudWatch metrics (docs/OPERATIONS.md), each by service and, where
            # its meaning depends on it, by one attribute more.
            resource_to_telemetry_conversion:
              enabled: true
            dimension_rollup_option: NoDimensionRollup
            metric_declarations:
              - dimensions: [[service.name]]
                metric_name_selectors:
                  - "^http\.server\.request\.duration$"
                  - "^signalr\.server\.active_connections$"
                  - "^messaging\.client\.sent\.messages$"
                  - "^lms\."
              - dimensions: [[service.name, lms.teachback.status]]
                metric_name_selectors: ["^lms\.teachback\."]
              - dimensions: [[service.name, lms.refusal.reason]]
                metric_name_selectors: ["^lms\.identity\.sign_in\.refusals$", "^lms\.live\.chat\.refusals$", "^lms\.content\.uploads\.refused$"]
          awscloudwatchlogs:
            log_group_name: /lms/{{_settings.Stage}}/otel-logs
            log_stream_name: {{service.Name}}
        service:
          extensions: [health_check]
          pipelines:
            traces:
              receivers: [otlp]
              processors: [resourcedetection, batch/traces]
              exporters: [awsxray]
            metrics:
              receivers: [otlp]
              processors: [resourcedetection, batch/metrics]
              exporters: [awsemf]
            logs:
              receivers: [otlp]
              processors: [resourcedetection, batch/logs]
              exporters: [awscloudwatchlogs]
        """;
}
