using System.Text.Json;
using Amazon.CDK.Assertions;

namespace Lms.Deploy.Tests;

/// <summary>The platform stack as CloudFormation sees it: what runs, what is reachable, what may read what.</summary>
[Collection(SynthesizedAppGroup.Name)]
public sealed class Platform_on_Fargate(SynthesizedApp app)
{
    private static readonly string[] ExposedHeaders = ["ETag"];

    private static readonly string[] Deployables = [.. ServiceCatalog.All.Select(s => s.Name)];

    private JsonElement Json => app.PlatformJson;

    [Fact]
    public void Runs_one_Fargate_service_per_microservice_and_the_gateway()
    {
        app.Platform.ResourceCountIs("AWS::ECS::Service", Deployables.Length);
        var names = Json.ResourcesOf("AWS::ECS::Service")
            .Select(s => s.Properties.GetProperty("ServiceName").GetString()!)
            .Order()
            .ToArray();
        Assert.Equal(Deployables.Order(), names);
        Assert.Equal(["board", "company", "content", "gateway", "identity", "institution", "live", "student"], names);
        Assert.All(Json.ResourcesOf("AWS::ECS::Service"), s => Assert.Equal("FARGATE", s.Properties.GetProperty("LaunchType").GetString()));
    }

    [Fact]
    public void Gives_no_task_a_public_address_and_runs_them_in_private_subnets()
    {
        foreach (var (id, service) in Json.ResourcesOf("AWS::ECS::Service"))
        {
            var network = service.GetProperty("NetworkConfiguration").GetProperty("AwsvpcConfiguration");
            Assert.Equal("DISABLED", network.GetProperty("AssignPublicIp").GetString());
            foreach (var subnet in network.GetProperty("Subnets").References())
            {
                Assert.True(SubnetType(subnet) == "Private", $"{id} runs in {subnet}, a {SubnetType(subnet)} subnet");
            }
        }
    }

    [Fact]
    public void Exposes_only_the_load_balancer_and_it_forwards_only_to_the_gateway()
    {
        app.Platform.ResourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 1);
        app.Platform.HasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", new Dictionary<string, object> { ["Scheme"] = "internet-facing" });
        app.Platform.ResourceCountIs("AWS::ElasticLoadBalancingV2::ListenerRule", 0);
        app.Platform.ResourceCountIs("AWS::ElasticLoadBalancingV2::TargetGroup", 1);

        var targetGroup = Json.ResourcesOf("AWS::ElasticLoadBalancingV2::TargetGroup").Single().Id;
        var listeners = Json.ResourcesOf("AWS::ElasticLoadBalancingV2::Listener").ToList();
        var https = Assert.Single(listeners, l => l.Properties.GetProperty("Protocol").GetString() == "HTTPS");
        Assert.Equal(443, https.Properties.GetProperty("Port").GetInt32());
        var forward = Assert.Single(https.Properties.GetProperty("DefaultActions").EnumerateArray());
        Assert.Equal("forward", forward.GetProperty("Type").GetString());
        Assert.Equal([targetGroup], forward.References());
        var http = Assert.Single(listeners, l => l.Properties.GetProperty("Protocol").GetString() == "HTTP");
        Assert.All(http.Properties.GetProperty("DefaultActions").EnumerateArray(), a => Assert.Equal("redirect", a.GetProperty("Type").GetString()));

        var behindTheBalancer = Json.ResourcesOf("AWS::ECS::Service")
            .Where(s => s.Properties.TryGetProperty("LoadBalancers", out var lbs) && lbs.GetArrayLength() > 0)
            .ToList();
        var gateway = Assert.Single(behindTheBalancer);
        Assert.Equal("gateway", gateway.Properties.GetProperty("ServiceName").GetString());
        Assert.Contains(targetGroup, gateway.Properties.GetProperty("LoadBalancers").References());
    }

    [Fact]
    public void Admits_traffic_from_the_internet_only_into_the_load_balancer()
    {
        var loadBalancerGroups = Json.ResourcesOf("AWS::ElasticLoadBalancingV2::LoadBalancer").Single().Properties
            .GetProperty("SecurityGroups").References().ToHashSet();
        var open = new List<string>();
        foreach (var (id, group) in Json.ResourcesOf("AWS::EC2::SecurityGroup"))
        {
            if (group.TryGetProperty("SecurityGroupIngress", out var rules) &&
                rules.EnumerateArray().Any(r => r.TryGetProperty("CidrIp", out var cidr) && cidr.GetString() == "0.0.0.0/0"))
            {
                open.Add(id);
            }
        }
        foreach (var (_, rule) in Json.ResourcesOf("AWS::EC2::SecurityGroupIngress"))
        {
            if (rule.TryGetProperty("CidrIp", out var cidr) && cidr.GetString() == "0.0.0.0/0")
            {
                open.AddRange(rule.GetProperty("GroupId").References());
            }
        }
        Assert.NotEmpty(open);
        Assert.All(open, group => Assert.Contains(group, loadBalancerGroups));
    }

    [Fact]
    public void Lets_only_the_gateway_reach_a_service_except_identity_whose_keys_everyone_reads()
    {
        var groupOf = ServiceCatalog.All.ToDictionary(s => s.Name, s => Json.ResourcesOf("AWS::ECS::Service")
            .Single(e => e.Properties.GetProperty("ServiceName").GetString() == s.Name).Properties
            .GetProperty("NetworkConfiguration").GetProperty("AwsvpcConfiguration").GetProperty("SecurityGroups").References().Single());
        var nameOf = groupOf.ToDictionary(p => p.Value, p => p.Key);
        var loadBalancer = Json.ResourcesOf("AWS::ElasticLoadBalancingV2::LoadBalancer").Single().Properties
            .GetProperty("SecurityGroups").References().Single();
        foreach (var service in ServiceCatalog.All)
        {
            var callers = Json.ResourcesOf("AWS::EC2::SecurityGroupIngress")
                .Where(r => r.Properties.GetProperty("GroupId").References().Contains(groupOf[service.Name]))
                .Select(r => r.Properties.GetProperty("SourceSecurityGroupId").References().Single())
                .Select(source => source == loadBalancer ? "load balancer" : nameOf[source])
                .Order()
                .ToList();
            var expected = service.Name switch
            {
                "gateway" => ["load balancer"],
                "identity" => ServiceCatalog.All.Where(s => s.Name != "identity").Select(s => s.Name).Order().ToList(),
                _ => new List<string> { "gateway" },
            };
            Assert.Equal(expected, callers);
        }
    }

    [Fact]
    public void Keeps_the_database_private_and_encrypted()
    {
        var (_, database) = Assert.Single(Json.ResourcesOf("AWS::RDS::DBInstance"));
        Assert.False(database.GetProperty("PubliclyAccessible").GetBoolean());
        Assert.True(database.GetProperty("StorageEncrypted").GetBoolean());
        Assert.Equal("mysql", database.GetProperty("Engine").GetString());
        var subnetGroup = Json.Resource(database.GetProperty("DBSubnetGroupName").References().Single());
        Assert.All(subnetGroup.GetProperty("Properties").GetProperty("SubnetIds").References(), s => Assert.Equal("Isolated", SubnetType(s)));
        app.Platform.HasResourceProperties("AWS::AmazonMQ::Broker", new Dictionary<string, object>
        {
            ["EngineType"] = "RABBITMQ",
            ["PubliclyAccessible"] = false,
        });
        app.Platform.HasResourceProperties("AWS::ElastiCache::ReplicationGroup", new Dictionary<string, object>
        {
            ["TransitEncryptionEnabled"] = true,
            ["AtRestEncryptionEnabled"] = true,
        });
    }

    [Fact]
    public void Blocks_public_access_to_the_bucket_and_aborts_incomplete_multipart_uploads_after_a_day()
    {
        app.Platform.ResourceCountIs("AWS::S3::Bucket", 1);
        app.Platform.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true,
                ["BlockPublicPolicy"] = true,
                ["IgnorePublicAcls"] = true,
                ["RestrictPublicBuckets"] = true,
            },
            ["LifecycleConfiguration"] = new Dictionary<string, object>
            {
                ["Rules"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["AbortIncompleteMultipartUpload"] = new Dictionary<string, object> { ["DaysAfterInitiation"] = 1 },
                    ["Status"] = "Enabled",
                })]),
            },
            ["CorsConfiguration"] = new Dictionary<string, object>
            {
                ["CorsRules"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["ExposedHeaders"] = ExposedHeaders,
                    ["AllowedMethods"] = Match.ArrayWith(["PUT"]),
                })]),
            },
        });
    }

    [Fact]
    public void Lets_each_service_read_only_its_own_secrets()
    {
        var secretNames = Json.ResourcesOf("AWS::SecretsManager::Secret")
            .ToDictionary(s => s.Id, s => s.Properties.GetProperty("Name").GetString()!);
        var broker = $"lms-{SynthesizedApp.Stage}/broker"; // the one Amazon MQ user, shared by the services on the bus
        foreach (var service in ServiceCatalog.All)
        {
            var readable = RolesOf(service.Name)
                .SelectMany(role => Json.StatementsOf(role))
                .Where(s => s.GetProperty("Action").Strings().Any(a => a.StartsWith("secretsmanager:", StringComparison.Ordinal)))
                .SelectMany(s => s.GetProperty("Resource").References())
                .Select(id => secretNames.TryGetValue(id, out var name) ? name : id)
                .ToHashSet();

            var own = new HashSet<string>();
            if (service.Database)
            {
                own.UnionWith([$"lms-{SynthesizedApp.Stage}/{service.Name}/database", broker]);
            }
            if (service.Mail)
            {
                own.Add($"lms-{SynthesizedApp.Stage}/{service.Name}/smtp");
            }
            if (service.Name == "identity")
            {
                own.Add($"lms-{SynthesizedApp.Stage}/identity/token-key");
            }
            Assert.Equal(own, readable);
        }
    }

    [Fact]
    public void Gives_every_service_the_allowed_origins_so_cookie_writes_from_the_web_app_pass()
    {
        foreach (var name in Deployables)
        {
            var environment = TaskDefinitionOf(name).GetProperty("ContainerDefinitions")[0].GetProperty("Environment")
                .EnumerateArray().Select(e => e.GetProperty("Name").GetString()!);
            Assert.Contains("Cors__AllowedOrigins__0", environment);
        }
    }

    [Fact]
    public void Lets_only_content_and_live_touch_the_bucket_and_only_live_use_IVS()
    {
        var bucket = Json.ResourcesOf("AWS::S3::Bucket").Single().Id;
        foreach (var service in ServiceCatalog.All)
        {
            var statements = RolesOf(service.Name).SelectMany(role => Json.StatementsOf(role)).ToList();
            var touchesBucket = statements.Any(s =>
                s.GetProperty("Action").Strings().Any(a => a.StartsWith("s3:", StringComparison.Ordinal)) &&
                s.GetProperty("Resource").References().Contains(bucket));
            var usesIvs = statements.Any(s => s.GetProperty("Action").Strings().Any(a => a.StartsWith("ivs:", StringComparison.Ordinal)));
            Assert.True(touchesBucket == service.Name is "content" or "live", $"{service.Name} bucket access: {touchesBucket}");
            Assert.True(usesIvs == (service.Name == "live"), $"{service.Name} IVS access: {usesIvs}");
        }
    }

    [Fact]
    public void Runs_every_task_with_a_read_only_root_and_a_telemetry_collector_that_sends_traces_to_XRay()
    {
        foreach (var service in ServiceCatalog.All)
        {
            var task = TaskDefinitionOf(service.Name);
            var containers = task.GetProperty("ContainerDefinitions").EnumerateArray().ToList();
            var app = Assert.Single(containers, c => c.GetProperty("Name").GetString() == service.Name);
            Assert.True(app.GetProperty("ReadonlyRootFilesystem").GetBoolean());
            Assert.Contains("/health/live", app.GetProperty("HealthCheck").GetProperty("Command").Strings());
            Assert.Contains(app.GetProperty("Environment").EnumerateArray(), e =>
                e.GetProperty("Name").GetString() == "OTEL_EXPORTER_OTLP_ENDPOINT");
            var collector = Assert.Single(containers, c => c.GetProperty("Name").GetString() == "otel-collector");
            var config = collector.GetProperty("Environment").EnumerateArray()
                .Single(e => e.GetProperty("Name").GetString() == "AOT_CONFIG_CONTENT").GetProperty("Value").GetString()!;
            Assert.Contains("exporters: [awsxray]", config, StringComparison.Ordinal);
            Assert.Contains("exporters: [awsemf]", config, StringComparison.Ordinal);

            var taskRole = task.GetProperty("TaskRoleArn").References().Single();
            Assert.Contains(Json.StatementsOf(taskRole), s => s.GetProperty("Action").Strings().Contains("xray:PutTraceSegments"));
        }
    }

    [Fact]
    public void Keeps_logs_for_a_limited_time()
    {
        var groups = Json.ResourcesOf("AWS::Logs::LogGroup").ToList();
        Assert.True(groups.Count >= Deployables.Length);
        Assert.All(groups, g => Assert.True(g.Properties.TryGetProperty("RetentionInDays", out _), $"{g.Id} keeps logs forever"));
    }

    [Fact]
    public void Scales_every_service_on_CPU_and_the_gateway_on_requests_too()
    {
        var policies = Json.ResourcesOf("AWS::ApplicationAutoScaling::ScalingPolicy")
            .Select(p => p.Properties.GetProperty("TargetTrackingScalingPolicyConfiguration")
                .GetProperty("PredefinedMetricSpecification").GetProperty("PredefinedMetricType").GetString())
            .ToList();
        Assert.Equal(Deployables.Length, policies.Count(p => p == "ECSServiceAverageCPUUtilization"));
        Assert.Equal(1, policies.Count(p => p == "ALBRequestCountPerTarget"));
    }

    [Fact]
    public void Registers_every_service_in_Cloud_Map_for_the_gateway_to_find()
    {
        app.Platform.ResourceCountIs("AWS::ServiceDiscovery::PrivateDnsNamespace", 1);
        app.Platform.ResourceCountIs("AWS::ServiceDiscovery::Service", Deployables.Length);
        var gateway = TaskDefinitionOf("gateway").GetProperty("ContainerDefinitions")[0].GetProperty("Environment")
            .EnumerateArray().ToDictionary(e => e.GetProperty("Name").GetString()!, e => e.GetProperty("Value"));
        foreach (var service in ServiceCatalog.Services)
        {
            Assert.Equal($"http://{service.Name}.{SynthesizedApp.Stage}.lms.internal:8080", gateway[$"Services__{service.Name}"].GetString());
        }
        // The signing keys come from identity's private name inside the VPC, so HTTP is allowed there on purpose.
        Assert.Equal($"http://identity.{SynthesizedApp.Stage}.lms.internal:8080/identity/v1/.well-known/openid-configuration",
            gateway["Auth__MetadataAddress"].GetString());
        Assert.Equal("false", gateway["Auth__RequireHttpsMetadata"].GetString());
        Assert.Equal("https://lms.example.com/identity/v1", gateway["Auth__Issuer"].GetString());
        // The gateway serves the web app its image carries; no other task is told of one.
        Assert.Equal("/app/wwwroot", gateway["Web__Root"].GetString());
    }

    [Fact]
    public void Has_a_one_off_task_that_creates_each_service_database_user()
    {
        var setup = Json.ResourcesOf("AWS::ECS::TaskDefinition")
            .Single(t => t.Properties.GetProperty("Family").GetString() == $"lms-{SynthesizedApp.Stage}-database-setup").Properties;
        var container = setup.GetProperty("ContainerDefinitions")[0];
        var script = string.Concat(container.GetProperty("Command").Strings());
        foreach (var service in ServiceCatalog.Services)
        {
            Assert.Contains($"CREATE USER IF NOT EXISTS '{service.DatabaseName}'@'%'", script, StringComparison.Ordinal);
            Assert.Contains($"GRANT ALL PRIVILEGES ON {service.DatabaseName}.* TO '{service.DatabaseName}'@'%'", script, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(Json.ResourcesOf("AWS::ECS::Service"), s => s.Properties.GetProperty("TaskDefinition").References().Contains(
            Json.ResourcesOf("AWS::ECS::TaskDefinition").Single(t => t.Properties.GetProperty("Family").GetString()!.EndsWith("database-setup", StringComparison.Ordinal)).Id));
    }

    private IEnumerable<string> RolesOf(string service)
    {
        var task = TaskDefinitionOf(service);
        return task.GetProperty("TaskRoleArn").References().Concat(task.GetProperty("ExecutionRoleArn").References());
    }

    private JsonElement TaskDefinitionOf(string service)
    {
        var ecsService = Json.ResourcesOf("AWS::ECS::Service").Single(s => s.Properties.GetProperty("ServiceName").GetString() == service);
        return Json.Resource(ecsService.Properties.GetProperty("TaskDefinition").References().Single()).GetProperty("Properties");
    }

    private string SubnetType(string subnetId) =>
        Json.Resource(subnetId).GetProperty("Properties").GetProperty("Tags").EnumerateArray()
            .Single(t => t.GetProperty("Key").GetString() == "aws-cdk:subnet-type").GetProperty("Value").GetString()!;
}
