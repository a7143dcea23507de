using Amazon.CDK;
using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Constructs;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;

namespace Lms.Deploy;

/// <summary>What one service's container is given: plain settings, and secrets ECS reads from Secrets Manager.</summary>
public sealed record ServiceConfiguration(
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyDictionary<string, EcsSecret> Secrets);

/// <summary>
/// One service (or the gateway) on Fargate: its task (the image from its ECR repository, read-only root file
/// system with a writable <c>/tmp</c>, non-root, health-checked on <c>/health/live</c>, plus the telemetry
/// collector), its own task role (nothing granted unless the service needs it), its own security group, a
/// log group, a Cloud Map name, and CPU-based scaling. Tasks run in private subnets without public addresses.
/// </summary>
public sealed class Microservice : Construct
{
    public ServiceSpec Spec { get; }

    public FargateService Service { get; }

    public FargateTaskDefinition TaskDefinition { get; }

    public SecurityGroup SecurityGroup { get; }

    public ScalableTaskCount Scaling { get; }

    public Microservice(
        Construct scope,
        string id,
        DeploySettings settings,
        ServiceSpec spec,
        Network network,
        TelemetryCollector collector,
        ServiceConfiguration configuration,
        RetentionDays retention)
        : base(scope, id)
    {
        Spec = spec;
        var logs = new LogGroup(this, "Logs", new LogGroupProps
        {
            LogGroupName = $"/lms/{settings.Stage}/{spec.Name}",
            Retention = retention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });

        var taskRole = new Role(this, "TaskRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com"),
            Description = $"What the {spec.Name} service itself may call in AWS",
        });

        TaskDefinition = new FargateTaskDefinition(this, "Task", new FargateTaskDefinitionProps
        {
            Family = $"{settings.Prefix}-{spec.Name}",
            Cpu = settings.IsProduction ? 1024 : 512,
            MemoryLimitMiB = settings.IsProduction ? 2048 : 1024,
            TaskRole = taskRole,
            RuntimePlatform = new RuntimePlatform
            {
                OperatingSystemFamily = OperatingSystemFamily.LINUX,
                CpuArchitecture = CpuArchitecture.X86_64,
            },
        });
        TaskDefinition.AddVolume(new Amazon.CDK.AWS.ECS.Volume { Name = "tmp" });

        var repository = Repository.FromRepositoryName(this, "Repository", RegistryStack.RepositoryName(settings, spec));
        var app = TaskDefinition.AddContainer("app", new ContainerDefinitionOptions
        {
            ContainerName = spec.Name,
            Image = ContainerImage.FromEcrRepository(repository, settings.ImageTag),
            Essential = true,
            PortMappings = [new PortMapping { ContainerPort = ServiceSpec.Port, Name = "http" }],
            Environment = new Dictionary<string, string>(configuration.Environment),
            Secrets = new Dictionary<string, EcsSecret>(configuration.Secrets),
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { LogGroup = logs, StreamPrefix = spec.Name }),
            ReadonlyRootFilesystem = true,
            HealthCheck = new Amazon.CDK.AWS.ECS.HealthCheck
            {
                // The image's own check (deploy/docker/healthcheck.sh): the process answers /health/live.
                Command = ["CMD", "lms-healthcheck", "/health/live"],
                Interval = Duration.Seconds(15),
                Timeout = Duration.Seconds(5),
                Retries = 3,
                StartPeriod = Duration.Seconds(60),
            },
        });
        app.AddMountPoints(new MountPoint { SourceVolume = "tmp", ContainerPath = "/tmp", ReadOnly = false });

        var sidecar = collector.AddTo(TaskDefinition, spec, logs);
        app.AddContainerDependencies(new ContainerDependency { Container = sidecar, Condition = ContainerDependencyCondition.HEALTHY });

        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = network.Vpc,
            Description = $"The {spec.Name} service's tasks",
            AllowAllOutbound = true, // AWS APIs, IVS and ECR over the NAT gateway
        });

        Service = new FargateService(this, "Service", new FargateServiceProps
        {
            ServiceName = spec.Name,
            Cluster = network.Cluster,
            TaskDefinition = TaskDefinition,
            DesiredCount = settings.IsProduction ? 2 : 1,
            AssignPublicIp = false,
            VpcSubnets = Network.TaskSubnets,
            SecurityGroups = [SecurityGroup],
            CloudMapOptions = new CloudMapOptions
            {
                Name = spec.Name,
                DnsRecordType = Amazon.CDK.AWS.ServiceDiscovery.DnsRecordType.A,
                DnsTtl = Duration.Seconds(10),
                ContainerPort = ServiceSpec.Port,
            },
            CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
            MinHealthyPercent = 100,
            MaxHealthyPercent = 200,
            PropagateTags = PropagatedTagSource.SERVICE,
            HealthCheckGracePeriod = spec.IsGateway ? Duration.Seconds(60) : null,
        });

        Scaling = Service.AutoScaleTaskCount(new EnableScalingProps
        {
            MinCapacity = settings.IsProduction ? 2 : 1,
            MaxCapacity = settings.IsProduction ? 10 : 3,
        });
        Scaling.ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps
        {
            TargetUtilizationPercent = 60,
            ScaleInCooldown = Duration.Minutes(5),
            ScaleOutCooldown = Duration.Minutes(1),
        });
    }

    /// <summary>Lets <paramref name="caller"/> reach this service's HTTP port.</summary>
    public void AllowFrom(Microservice caller) =>
        SecurityGroup.AddIngressRule(caller.SecurityGroup, Port.Tcp(ServiceSpec.Port), $"{caller.Spec.Name} calls {Spec.Name}");
}
