using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Constructs;

namespace Lms.Deploy;

/// <summary>
/// A VPC over two availability zones: public subnets hold only the load balancer and the NAT gateways, tasks run
/// in private subnets, and the data stores sit in isolated subnets with no route out. The ECS cluster's Cloud Map
/// namespace lets the gateway and services find each other by name (<c>identity.{stage}.lms.internal</c>).
/// </summary>
public sealed class Network : Construct
{
    public Vpc Vpc { get; }

    public Cluster Cluster { get; }

    public string Namespace { get; }

    public static SubnetSelection TaskSubnets => new() { SubnetType = SubnetType.PRIVATE_WITH_EGRESS };

    public static SubnetSelection DataSubnets => new() { SubnetType = SubnetType.PRIVATE_ISOLATED };

    public Network(Construct scope, string id, DeploySettings settings)
        : base(scope, id)
    {
        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            IpAddresses = IpAddresses.Cidr("10.40.0.0/16"),
            MaxAzs = 2,
            // One NAT gateway outside production saves its hourly cost; production keeps one per zone.
            NatGateways = settings.IsProduction ? 2 : 1,
            SubnetConfiguration =
            [
                new SubnetConfiguration { Name = "public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 },
                new SubnetConfiguration { Name = "tasks", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 20 },
                new SubnetConfiguration { Name = "data", SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 },
            ],
        });
        // Object storage traffic (presigning needs none, but ffprobe and recordings read and write) stays off the NAT.
        Vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });

        Namespace = $"{settings.Stage}.lms.internal";
        Cluster = new Cluster(this, "Cluster", new ClusterProps
        {
            ClusterName = settings.Prefix,
            Vpc = Vpc,
            ContainerInsights = true,
            DefaultCloudMapNamespace = new CloudMapNamespaceOptions { Name = Namespace, Vpc = Vpc },
        });
    }

    /// <summary>The address a service answers on inside the VPC.</summary>
    public string InternalUrl(string service) => $"http://{service}.{Namespace}:{ServiceSpec.Port}";
}
