using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Constructs;

namespace Lms.Deploy;

/// <summary>
/// The only thing on the internet: an application load balancer in the public subnets. HTTPS (TLS 1.2+, the
/// certificate from context <c>certificateArn</c> or the <c>CertificateArn</c> parameter) forwards to the gateway
/// and nothing else; HTTP only redirects to HTTPS. The gateway scales on requests per target as well as on CPU.
/// </summary>
public sealed class Edge : Construct
{
    public ApplicationLoadBalancer LoadBalancer { get; }

    public ApplicationListener Https { get; }

    public SecurityGroup SecurityGroup { get; }

    public Edge(Construct scope, string id, DeploySettings settings, Network network)
        : base(scope, id)
    {
        var certificateArn = settings.CertificateArn ?? new CfnParameter(Stack.Of(this), "CertificateArn", new CfnParameterProps
        {
            Type = "String",
            Description = $"ACM certificate (same region) for {settings.DomainName}",
            AllowedPattern = "arn:aws[a-z-]*:acm:.+",
        }).ValueAsString;

        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = network.Vpc,
            Description = "Public load balancer: HTTPS and the HTTP redirect from anywhere",
            AllowAllOutbound = false,
        });
        SecurityGroup.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(443), "HTTPS from anywhere");
        SecurityGroup.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(80), "HTTP, redirected to HTTPS");

        LoadBalancer = new ApplicationLoadBalancer(this, "LoadBalancer", new ApplicationLoadBalancerProps
        {
            Vpc = network.Vpc,
            InternetFacing = true,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC },
            SecurityGroup = SecurityGroup,
            DropInvalidHeaderFields = true,
            // Live classroom connections (SignalR over WebSockets) stay open; the default 60 s would cut idle ones.
            IdleTimeout = Duration.Seconds(120),
        });

        Https = LoadBalancer.AddListener("Https", new BaseApplicationListenerProps
        {
            Port = 443,
            Protocol = ApplicationProtocol.HTTPS,
            Certificates = [ListenerCertificate.FromArn(certificateArn)],
            SslPolicy = SslPolicy.RECOMMENDED_TLS,
            Open = false, // the security group above already admits 443
        });
        LoadBalancer.AddRedirect(new ApplicationLoadBalancerRedirectConfig
        {
            SourcePort = 80,
            SourceProtocol = ApplicationProtocol.HTTP,
            TargetPort = 443,
            TargetProtocol = ApplicationProtocol.HTTPS,
            Open = false,
        });

        _ = new CfnOutput(this, "LoadBalancerDns", new CfnOutputProps
        {
            Value = LoadBalancer.LoadBalancerDnsName,
            Description = $"Point {settings.DomainName} (CNAME or alias) here",
        });
    }

    /// <summary>Before the services exist (the first deployment), the listener answers 503 by itself.</summary>
    public void AnswerUnavailable() =>
        Https.AddAction("Unavailable", new AddApplicationActionProps
        {
            Action = ListenerAction.FixedResponse(503, new FixedResponseOptions
            {
                ContentType = "text/plain",
                MessageBody = "The platform is being set up.",
            }),
        });

    /// <summary>Sends every HTTPS request to the gateway, and scales the gateway on requests per task.</summary>
    public ApplicationTargetGroup RouteTo(Microservice gateway)
    {
        var targets = Https.AddTargets("Gateway", new AddApplicationTargetsProps
        {
            Port = ServiceSpec.Port,
            Protocol = ApplicationProtocol.HTTP,
            Targets = [gateway.Service],
            HealthCheck = new Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck
            {
                Path = "/health/live",
                HealthyHttpCodes = "200",
                Interval = Duration.Seconds(15),
            },
            DeregistrationDelay = Duration.Seconds(30),
        });
        // Registering the service as a target opens the gateway's port to the load balancer, and the load
        // balancer's egress to the gateway only (its security group allows no other outbound traffic).
        gateway.Scaling.ScaleOnRequestCount("Requests", new RequestCountScalingProps
        {
            RequestsPerTarget = 1000,
            TargetGroup = targets,
            ScaleInCooldown = Duration.Minutes(5),
            ScaleOutCooldown = Duration.Minutes(1),
        });
        return targets;
    }
}
