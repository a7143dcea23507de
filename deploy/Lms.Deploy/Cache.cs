using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElastiCache;
using Constructs;

namespace Lms.Deploy;

/// <summary>
/// ElastiCache for Redis (the live service's SignalR backplane), encrypted in transit and at rest, in the
/// isolated subnets; production keeps a replica in the other zone with automatic failover.
/// </summary>
public sealed class Cache : Construct
{
    public CfnReplicationGroup ReplicationGroup { get; }

    public SecurityGroup SecurityGroup { get; }

    /// <summary>StackExchange.Redis configuration string (<c>Redis__Configuration</c>).</summary>
    public string Configuration => $"{ReplicationGroup.AttrPrimaryEndPointAddress}:{ReplicationGroup.AttrPrimaryEndPointPort},ssl=true,abortConnect=false";

    public Cache(Construct scope, string id, DeploySettings settings, Network network)
        : base(scope, id)
    {
        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = network.Vpc,
            Description = "Redis: from the services that use it only",
            AllowAllOutbound = false,
        });

        var subnets = new CfnSubnetGroup(this, "Subnets", new CfnSubnetGroupProps
        {
            Description = "LMS Redis in the isolated subnets",
            SubnetIds = network.Vpc.SelectSubnets(Network.DataSubnets).SubnetIds,
        });

        ReplicationGroup = new CfnReplicationGroup(this, "Redis", new CfnReplicationGroupProps
        {
            ReplicationGroupDescription = $"LMS {settings.Stage} SignalR backplane",
            Engine = "redis",
            EngineVersion = "7.1",
            CacheNodeType = settings.IsProduction ? "cache.m7g.large" : "cache.t4g.micro",
            NumCacheClusters = settings.IsProduction ? 2 : 1,
            AutomaticFailoverEnabled = settings.IsProduction,
            MultiAzEnabled = settings.IsProduction,
            TransitEncryptionEnabled = true,
            AtRestEncryptionEnabled = true,
            CacheSubnetGroupName = subnets.Ref,
            SecurityGroupIds = [SecurityGroup.SecurityGroupId],
        });
    }
}
