using Amazon.CDK;
using Amazon.CDK.AWS.AmazonMQ;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace Lms.Deploy;

/// <summary>
/// Amazon MQ for RabbitMQ in the isolated subnets, AMQPS only (port 5671), not publicly accessible. Amazon MQ
/// creates one user with the broker; its generated password is in Secrets Manager and shared by the services
/// that use the bus (the gateway does not).
/// </summary>
public sealed class Broker : Construct
{
    public const int AmqpsPort = 5671;

    public CfnBroker Resource { get; }

    public Secret Secret { get; }

    public SecurityGroup SecurityGroup { get; }

    /// <summary>The broker's AMQPS host name.</summary>
    public string Host { get; }

    public Broker(Construct scope, string id, DeploySettings settings, Network network)
        : base(scope, id)
    {
        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = network.Vpc,
            Description = "RabbitMQ (Amazon MQ): AMQPS from the services only",
            AllowAllOutbound = false,
        });

        Secret = new Secret(this, "Secret", new SecretProps
        {
            SecretName = $"{settings.Prefix}/broker",
            Description = "The services' RabbitMQ user on Amazon MQ",
            GenerateSecretString = new SecretStringGenerator
            {
                SecretStringTemplate = "{\"username\":\"lms\"}",
                GenerateStringKey = "password",
                ExcludePunctuation = true, // Amazon MQ refuses commas, colons and equals signs
                PasswordLength = 32,
            },
        });

        var subnets = network.Vpc.SelectSubnets(Network.DataSubnets).SubnetIds;
        Resource = new CfnBroker(this, "Broker", new CfnBrokerProps
        {
            BrokerName = settings.Prefix,
            EngineType = "RABBITMQ",
            EngineVersion = "3.13",
            AutoMinorVersionUpgrade = true,
            HostInstanceType = settings.IsProduction ? "mq.m5.large" : "mq.t3.micro",
            DeploymentMode = settings.IsProduction ? "CLUSTER_MULTI_AZ" : "SINGLE_INSTANCE",
            PubliclyAccessible = false,
            SubnetIds = settings.IsProduction ? subnets : [Fn.Select(0, subnets)],
            SecurityGroups = [SecurityGroup.SecurityGroupId],
            Users = new object[]
            {
                new CfnBroker.UserProperty
                {
                    Username = "lms",
                    // A dynamic reference, resolved by CloudFormation: the password is never in the template.
                    Password = Secret.SecretValueFromJson("password").UnsafeUnwrap(),
                },
            },
            Logs = new CfnBroker.LogListProperty { General = true },
        });
        Host = Fn.Join("", [Resource.Ref, ".mq.", Stack.Of(this).Region, ".", Stack.Of(this).UrlSuffix]);
    }
}
