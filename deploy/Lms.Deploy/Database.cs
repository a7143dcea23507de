using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace Lms.Deploy;

/// <summary>
/// RDS for MySQL 8.4 in the isolated subnets, never publicly accessible, encrypted, with its administrator's
/// credentials in Secrets Manager. Each service gets its own database and user (<c>lms_identity</c>, …) whose
/// generated password is in the service's own secret; <see cref="DatabaseSetupTask"/> creates them.
/// </summary>
public sealed class Database : Construct
{
    /// <summary>What Pomelo is told it talks to (<c>Database__ServerVersion</c>).</summary>
    public const string ServerVersion = "8.4.3-mysql";

    public DatabaseInstance Instance { get; }

    public SecurityGroup SecurityGroup { get; }

    /// <summary>Per service: <c>{"username": "lms_x", "password": "…"}</c>.</summary>
    public IReadOnlyDictionary<string, Secret> ServiceSecrets { get; }

    public Database(Construct scope, string id, DeploySettings settings, Network network)
        : base(scope, id)
    {
        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = network.Vpc,
            Description = "MySQL: reachable only from the services that own a database and the setup task",
            AllowAllOutbound = false,
        });

        Instance = new DatabaseInstance(this, "Instance", new DatabaseInstanceProps
        {
            Engine = DatabaseInstanceEngine.Mysql(new MySqlInstanceEngineProps { Version = MysqlEngineVersion.Of("8.4.3", "8.4") }),
            InstanceType = settings.IsProduction
                ? Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.MEMORY6_GRAVITON, InstanceSize.LARGE)
                : Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.BURSTABLE4_GRAVITON, InstanceSize.MICRO),
            Vpc = network.Vpc,
            VpcSubnets = Network.DataSubnets,
            SecurityGroups = [SecurityGroup],
            PubliclyAccessible = false,
            MultiAz = settings.IsProduction,
            Credentials = Credentials.FromGeneratedSecret("lms_admin", new CredentialsBaseOptions
            {
                SecretName = $"{settings.Prefix}/database/admin",
            }),
            AllocatedStorage = 20,
            MaxAllocatedStorage = settings.IsProduction ? 500 : 50,
            StorageEncrypted = true,
            BackupRetention = Duration.Days(settings.IsProduction ? 14 : 1),
            DeletionProtection = settings.IsProduction,
            RemovalPolicy = settings.IsProduction ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY,
            CloudwatchLogsExports = ["error", "slowquery"],
            CloudwatchLogsRetention = settings.IsProduction ? Amazon.CDK.AWS.Logs.RetentionDays.THREE_MONTHS : Amazon.CDK.AWS.Logs.RetentionDays.TWO_WEEKS,
            AutoMinorVersionUpgrade = true,
        });

        var secrets = new Dictionary<string, Secret>();
        foreach (var service in ServiceCatalog.Services.Where(s => s.Database))
        {
            secrets[service.Name] = new Secret(this, $"{service.Name}-secret", new SecretProps
            {
                SecretName = $"{settings.Prefix}/{service.Name}/database",
                Description = $"The {service.Name} service's own MySQL user ({service.DatabaseName})",
                GenerateSecretString = new SecretStringGenerator
                {
                    SecretStringTemplate = $"{{\"username\":\"{service.DatabaseName}\"}}",
                    GenerateStringKey = "password",
                    // Letters and digits only: the password goes into a connection string and a SQL literal.
                    ExcludePunctuation = true,
                    PasswordLength = 32,
                },
                RemovalPolicy = settings.IsProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
            });
        }
        ServiceSecrets = secrets;
    }

    /// <summary>The connection string without its password, which the image's entrypoint appends from DATABASE_PASSWORD.</summary>
    public string ConnectionStringFor(ServiceSpec service) =>
        $"Server={Instance.DbInstanceEndpointAddress};Port={Instance.DbInstanceEndpointPort};Database={service.DatabaseName};" +
        $"User={service.DatabaseName};CharSet=utf8mb4;SslMode=Required";
}
