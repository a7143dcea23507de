using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Ivs;
using Amazon.CDK.AWS.Logs;
using Constructs;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;

namespace Lms.Deploy;

/// <summary>
/// The running platform: network, data stores, the load balancer and one Fargate service per microservice plus
/// the gateway, wired with least privilege. Each concern is its own construct; this stack only connects them
/// and hands each service its configuration as environment variables and secrets.
/// </summary>
public sealed class PlatformStack : Stack
{
    public Network Network { get; }

    public Database Database { get; }

    public Broker Broker { get; }

    public Cache Cache { get; }

    public ContentBucket Content { get; }

    public Mail Mail { get; }

    public Edge Edge { get; }

    /// <summary>The secret the identity service derives the key that encrypts its signing keys at rest from.</summary>
    public Amazon.CDK.AWS.SecretsManager.Secret TokenKeySecret { get; }

    public DatabaseSetupTask DatabaseSetup { get; }

    public IReadOnlyDictionary<string, Microservice> Services { get; }

    /// <summary>The topic every alarm tells, with the on-call's subscriptions.</summary>
    public OnCall OnCall { get; }

    public Alarms Alarms { get; }

    public PlatformStack(Construct scope, string id, DeploySettings settings, IStackProps? props = null)
        : base(scope, id, props)
    {
        var retention = settings.IsProduction ? RetentionDays.THREE_MONTHS : RetentionDays.TWO_WEEKS;
        Network = new Network(this, "Network", settings);
        Database = new Database(this, "Database", settings, Network);
        Broker = new Broker(this, "Broker", settings, Network);
        Cache = new Cache(this, "Cache", settings, Network);
        Content = new ContentBucket(this, "Content", settings);
        Mail = new Mail(this, "Mail", settings);
        TokenKeySecret = new Amazon.CDK.AWS.SecretsManager.Secret(this, "IdentityTokenKey", new Amazon.CDK.AWS.SecretsManager.SecretProps
        {
            SecretName = $"{settings.Prefix}/identity/token-key",
            Description = "Tokens:KeyEncryptionSecret of the identity service: its signing keys are encrypted at rest with a key derived from it",
            GenerateSecretString = new Amazon.CDK.AWS.SecretsManager.SecretStringGenerator { PasswordLength = 64, ExcludePunctuation = true },
        });
        Edge = new Edge(this, "Edge", settings, Network);
        var collector = new TelemetryCollector(this, "Telemetry", settings, retention);
        var setupLogs = new LogGroup(this, "DatabaseSetupLogs", new LogGroupProps
        {
            LogGroupName = $"/lms/{settings.Stage}/database-setup",
            Retention = retention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        DatabaseSetup = new DatabaseSetupTask(this, "DatabaseSetup", settings, Network, Database, setupLogs);
        var recordings = new CfnRecordingConfiguration(this, "LiveRecordings", new CfnRecordingConfigurationProps
        {
            Name = $"{settings.Prefix}-recordings",
            DestinationConfiguration = new CfnRecordingConfiguration.DestinationConfigurationProperty
            {
                S3 = new CfnRecordingConfiguration.S3DestinationConfigurationProperty { BucketName = Content.Bucket.BucketName },
            },
        });

        OnCall = new OnCall(this, "OnCall", settings);
        Alarms = new Alarms(this, "Alarms", settings, OnCall.Topic);
        Alarms.WatchDatabase(Database);
        Alarms.WatchBroker(Broker, ServiceCatalog.Services.Count(s => s.Database));
        var dashboards = new Dashboards(this, "Dashboards", settings);

        var services = new Dictionary<string, Microservice>();
        if (settings.WithServices)
        {
            foreach (var spec in ServiceCatalog.All)
            {
                var configuration = Configure(settings, spec, recordings);
                services[spec.Name] = new Microservice(this, spec.Name, settings, spec, Network, collector, configuration, retention);
            }
            Connect(services);
            Grant(services, recordings);
            var gatewayTarget = Edge.RouteTo(services[ServiceCatalog.GatewayName]);
            Alarms.WatchEdge(Edge.LoadBalancer, gatewayTarget);
            foreach (var service in services.Values)
            {
                Alarms.WatchService(service, Network.Cluster.ClusterName);
                dashboards.Service(service, Network.Cluster.ClusterName);
            }
            dashboards.Platform(services.Values, Edge.LoadBalancer, Database, Broker, Alarms.All);
        }
        else
        {
            Edge.AnswerUnavailable();
        }
        Services = services;

        _ = new CfnOutput(this, "ContentBucketName", new CfnOutputProps { Value = Content.Bucket.BucketName });
        _ = new CfnOutput(this, "ClusterName", new CfnOutputProps { Value = Network.Cluster.ClusterName });
    }

    public static string NameFor(DeploySettings settings) => $"Lms-{settings.Stage}-Platform";

    // Everything a service reads from configuration, as ./lms and compose pass it locally (scripts/services.sh).
    private ServiceConfiguration Configure(DeploySettings settings, ServiceSpec spec, CfnRecordingConfiguration recordings)
    {
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__Issuer"] = $"https://{settings.DomainName}/identity/v1",
            ["Auth__Audience"] = "lms",
            // Inside the VPC by its Cloud Map name: private traffic between security groups, so plain HTTP is
            // allowed on purpose (the setting defaults to HTTPS-only outside Development).
            ["Auth__MetadataAddress"] = $"{Network.InternalUrl("identity")}/identity/v1/.well-known/openid-configuration",
            ["Auth__RequireHttpsMetadata"] = "false",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = TelemetryCollector.OtlpEndpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"deployment.environment={settings.Stage}",
            // CloudWatch computes the p99 alarms from distributions, which exponential histograms give it.
            ["Telemetry__ExponentialHistograms"] = "true",
            // One JSON object per log line, with the scopes that carry TraceId and SpanId: a line in the service's log group
            // leads to its trace in X-Ray (and CloudWatch Logs Insights can filter on the fields).
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
            ["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.fffZ ",
        };
        var secrets = new Dictionary<string, EcsSecret>();

        foreach (var callee in spec.Calls)
        {
            env[$"Services__{callee}"] = Network.InternalUrl(callee);
        }

        if (spec.Web == "app")
        {
            // The image carries the web app's build there (deploy/docker/Service.Dockerfile, WEB=app).
            env["Web__Root"] = "/app/wwwroot";
        }

        if (spec.Database)
        {
            env["ConnectionStrings__Database"] = Database.ConnectionStringFor(spec);
            env["Database__ServerVersion"] = Database.ServerVersion;
            env["Database__MigrateAtStartup"] = "true";
            // The image's entrypoint appends it to the connection string (deploy/docker/entrypoint.sh).
            secrets["DATABASE_PASSWORD"] = EcsSecret.FromSecretsManager(Database.ServiceSecrets[spec.Name], "password");

            env["Messaging__Transport"] = "RabbitMq";
            env["Messaging__RabbitMq__Host"] = Broker.Host;
            env["Messaging__RabbitMq__Port"] = Broker.AmqpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            env["Messaging__RabbitMq__UseSsl"] = "true";
            env["Messaging__RabbitMq__VirtualHost"] = "/";
            secrets["Messaging__RabbitMq__Username"] = EcsSecret.FromSecretsManager(Broker.Secret, "username");
            secrets["Messaging__RabbitMq__Password"] = EcsSecret.FromSecretsManager(Broker.Secret, "password");
        }

        if (spec.Bucket)
        {
            // No endpoint and no keys: the SDK talks to S3 in this region with the task role's credentials.
            env["Storage__Bucket"] = Content.Bucket.BucketName;
            env["Storage__Region"] = Region;
            env["Storage__ForcePathStyle"] = "false";
        }

        if (spec.Mail)
        {
            env["Mail__SmtpHost"] = Mail.SmtpHost;
            env["Mail__SmtpPort"] = Mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            env["Mail__From"] = settings.MailFrom;
            secrets["Mail__SmtpUsername"] = EcsSecret.FromSecretsManager(Mail.Secrets[spec.Name], "username");
            secrets["Mail__SmtpPassword"] = EcsSecret.FromSecretsManager(Mail.Secrets[spec.Name], "password");
        }

        if (spec.Redis)
        {
            env["Live__Redis"] = Cache.Configuration;
        }

        if (spec.Ivs)
        {
            env["Live__Streaming__Provider"] = "Ivs";
            env["Live__Streaming__Ivs__Region"] = Region;
            env["Live__Streaming__Ivs__RecordingConfigurationArn"] = recordings.AttrArn;
        }

        // The gateway answers CORS with them and every service refuses a cookie-authenticated write from any other origin.
        for (var i = 0; i < settings.AllowedOrigins.Count; i++)
        {
            env[$"Cors__AllowedOrigins__{i}"] = settings.AllowedOrigins[i];
        }

        if (spec.Name == "identity")
        {
            secrets["Tokens__KeyEncryptionSecret"] = EcsSecret.FromSecretsManager(TokenKeySecret);
            // The sign-in guard counts failures per client address: the gateway's X-Forwarded-For, believed only from inside the VPC.
            env["SignIn__TrustedProxyNetworks__0"] = Network.Vpc.VpcCidrBlock;
        }

        if (spec.IsGateway)
        {
            // X-Forwarded-For is believed only from inside the VPC (the load balancer's addresses).
            env["Gateway__TrustedProxyNetworks__0"] = Network.Vpc.VpcCidrBlock;
        }

        return new ServiceConfiguration(env, secrets);
    }

    // Network paths: only what each service uses is open.
    private void Connect(Dictionary<string, Microservice> services)
    {
        foreach (var service in services.Values)
        {
            foreach (var callee in service.Spec.Calls)
            {
                services[callee].AllowFrom(service);
            }
            // Every service and the gateway read the identity service's signing keys.
            if (service.Spec.Name != "identity" && !service.Spec.Calls.Contains("identity"))
            {
                services["identity"].AllowFrom(service);
            }
            if (service.Spec.Database)
            {
                Database.SecurityGroup.AddIngressRule(service.SecurityGroup, Port.Tcp(3306), $"{service.Spec.Name} to its database");
                Broker.SecurityGroup.AddIngressRule(service.SecurityGroup, Port.Tcp(Broker.AmqpsPort), $"{service.Spec.Name} to the broker");
            }
            if (service.Spec.Redis)
            {
                Cache.SecurityGroup.AddIngressRule(service.SecurityGroup, Port.Tcp(6379), $"{service.Spec.Name} to Redis");
            }
        }
    }

    // AWS permissions beyond telemetry: the bucket for content and live, IVS for live only.
    private void Grant(Dictionary<string, Microservice> services, CfnRecordingConfiguration recordings)
    {
        foreach (var service in services.Values)
        {
            var role = service.TaskDefinition.TaskRole;
            if (service.Spec.Bucket)
            {
                Content.Bucket.GrantReadWrite(role);
            }
            if (service.Spec.Ivs)
            {
                var ivs = $"arn:{Partition}:ivs:{Region}:{Account}";
                role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "LiveChannels",
                    Actions =
                    [
                        "ivs:CreateChannel", "ivs:GetChannel", "ivs:UpdateChannel", "ivs:DeleteChannel",
                        "ivs:GetStreamKey", "ivs:ListStreamKeys", "ivs:CreateStreamKey", "ivs:DeleteStreamKey",
                        "ivs:GetStream", "ivs:StopStream", "ivs:TagResource",
                        "ivs:ImportPlaybackKeyPair", "ivs:GetPlaybackKeyPair", "ivs:DeletePlaybackKeyPair",
                    ],
                    Resources = [$"{ivs}:channel/*", $"{ivs}:stream-key/*", $"{ivs}:playback-key/*"],
                }));
                role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "LiveRecordingConfiguration",
                    Actions = ["ivs:GetRecordingConfiguration"],
                    Resources = [recordings.AttrArn],
                }));
            }
        }
    }
}
