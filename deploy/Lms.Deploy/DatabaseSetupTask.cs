using System.Globalization;
using System.Text;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.Logs;
using Constructs;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;

namespace Lms.Deploy;

/// <summary>
/// A one-off task (not a service) that creates each service's database and user with the password from that
/// service's secret, and resets the password when the secret has changed. It is idempotent: run it after every
/// <c>cdk deploy</c> (the cdk workflow does) and before the first start of the services. Each service then
/// migrates its own schema at start-up, one instance at a time (a MySQL named lock).
/// </summary>
public sealed class DatabaseSetupTask : Construct
{
    public FargateTaskDefinition TaskDefinition { get; }

    public SecurityGroup SecurityGroup { get; }

    public DatabaseSetupTask(Construct scope, string id, DeploySettings settings, Network network, Database database, LogGroup logs)
        : base(scope, id)
    {
        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = network.Vpc,
            Description = "The database setup task: out to MySQL only (and ECR/logs through the NAT)",
        });
        database.SecurityGroup.AddIngressRule(SecurityGroup, Port.Tcp(3306), "database setup task");

        TaskDefinition = new FargateTaskDefinition(this, "Task", new FargateTaskDefinitionProps
        {
            Family = $"{settings.Prefix}-database-setup",
            Cpu = 256,
            MemoryLimitMiB = 512,
        });

        var secrets = new Dictionary<string, EcsSecret>
        {
            ["DB_ADMIN_USER"] = EcsSecret.FromSecretsManager(database.Instance.Secret!, "username"),
            ["DB_ADMIN_PASSWORD"] = EcsSecret.FromSecretsManager(database.Instance.Secret!, "password"),
        };
        foreach (var (service, secret) in database.ServiceSecrets)
        {
            secrets[PasswordVariable(service)] = EcsSecret.FromSecretsManager(secret, "password");
        }

        TaskDefinition.AddContainer("setup", new ContainerDefinitionOptions
        {
            ContainerName = "setup",
            Image = ContainerImage.FromRegistry("public.ecr.aws/docker/library/mysql:8.4"),
            EntryPoint = ["sh", "-c"],
            Command = [Script(database)],
            Environment = new Dictionary<string, string> { ["DB_HOST"] = database.Instance.DbInstanceEndpointAddress },
            Secrets = secrets,
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { LogGroup = logs, StreamPrefix = "database-setup" }),
            ReadonlyRootFilesystem = true,
        });

        _ = new CfnOutput(this, "RunCommand", new CfnOutputProps
        {
            Description = "Creates the services' databases and users (idempotent)",
            Value = Fn.Join("", [
                $"aws ecs run-task --cluster {settings.Prefix} --launch-type FARGATE --task-definition {settings.Prefix}-database-setup ",
                "--network-configuration 'awsvpcConfiguration={subnets=[",
                Fn.Join(",", network.Vpc.SelectSubnets(Network.TaskSubnets).SubnetIds),
                "],securityGroups=[", SecurityGroup.SecurityGroupId, "],assignPublicIp=DISABLED}'",
            ]),
        });
    }

    public static string PasswordVariable(string service) => $"{service.ToUpperInvariant()}_DB_PASSWORD";

    // One statement batch per service; the passwords come from the environment, never from the template.
    private static string Script(Database database)
    {
        var sql = new StringBuilder("set -eu\n");
        sql.Append("sql() { mysql --host=\"$DB_HOST\" --user=\"$DB_ADMIN_USER\" --password=\"$DB_ADMIN_PASSWORD\" --ssl-mode=REQUIRED --batch -e \"$1\"; }\n");
        foreach (var service in ServiceCatalog.Services.Where(s => database.ServiceSecrets.ContainsKey(s.Name)))
        {
            var name = service.DatabaseName;
            var password = $"${PasswordVariable(service.Name)}";
            sql.Append("sql \"")
                .Append(CultureInfo.InvariantCulture, $"CREATE DATABASE IF NOT EXISTS {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; ")
                .Append(CultureInfo.InvariantCulture, $"CREATE USER IF NOT EXISTS '{name}'@'%' IDENTIFIED BY '{password}' REQUIRE SSL; ")
                .Append(CultureInfo.InvariantCulture, $"ALTER USER '{name}'@'%' IDENTIFIED BY '{password}' REQUIRE SSL; ")
                .Append(CultureInfo.InvariantCulture, $"GRANT ALL PRIVILEGES ON {name}.* TO '{name}'@'%';")
                .Append("\"\n")
                .Append(CultureInfo.InvariantCulture, $"echo 'database {name} and its user are ready'\n");
        }
        return sql.ToString();
    }
}
