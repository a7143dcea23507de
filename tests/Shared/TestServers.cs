using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace Lms.Testing;

/// <summary>
/// Where the real servers are. <c>./lms test</c> starts them on loopback and exports their addresses
/// (<c>LMS_MARIADB</c>, <c>LMS_RABBITMQ</c>); without those, and with a Docker engine, throwaway containers
/// are started instead. There is no in-memory stand-in.
/// </summary>
public static class TestServers
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Servers? _servers;

    /// <summary>A connection string for <paramref name="database"/> as <paramref name="user"/>, whose password follows the local convention.</summary>
    /// <remarks>
    /// <c>LMS_TEST_DB_SUFFIX</c>, when set, is appended to the database name so that several working copies can run their
    /// suites side by side against one server without sharing schemas.
    /// </remarks>
    public static async Task<string> MariaDbAsync(string database, string user)
    {
        var servers = await GetAsync();
        database += Environment.GetEnvironmentVariable("LMS_TEST_DB_SUFFIX");
        return servers.MariaDbRootPassword is { } rootPassword
            ? $"{servers.MariaDb};Database={database};User=root;Password={rootPassword};CharSet=utf8mb4"
            : $"{servers.MariaDb};Database={database};User={user};Password={user}_pw;CharSet=utf8mb4";
    }

    /// <summary>The S3-compatible server (s3rver) that <c>./lms test</c> starts, with its bucket <c>lms-content</c>.</summary>
    public static string S3 => Environment.GetEnvironmentVariable("LMS_S3")
        ?? throw new InvalidOperationException("LMS_S3 is not set: run the tests with `./lms test`.");

    /// <summary>The RabbitMQ address for tests: the <c>lms_test</c> vhost, never the running platform's.</summary>
    public static async Task<Uri> RabbitMqAsync() => (await GetAsync()).RabbitMq;

    private static async Task<Servers> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _servers ??= await LocateAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<Servers> LocateAsync()
    {
        var mariaDb = Environment.GetEnvironmentVariable("LMS_MARIADB");
        var rabbitMq = Environment.GetEnvironmentVariable("LMS_RABBITMQ");
        if (!string.IsNullOrEmpty(mariaDb) && !string.IsNullOrEmpty(rabbitMq))
        {
            return new Servers(mariaDb, new Uri(rabbitMq), null);
        }

        if (!DockerExists())
        {
            throw new InvalidOperationException(
                "LMS_MARIADB and LMS_RABBITMQ are not set and there is no Docker engine: run the tests with `./lms test`.");
        }

        return await StartContainersAsync();
    }

    private static bool DockerExists() =>
        File.Exists("/var/run/docker.sock") || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST"));

    private static async Task<Servers> StartContainersAsync()
    {
        const string rootPassword = "lms_root_pw";
        IContainer mariaDb = new ContainerBuilder("mariadb:10.11")
            .WithEnvironment("MARIADB_ROOT_PASSWORD", rootPassword)
            .WithCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci")
            .WithPortBinding(3306, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("ready for connections"))
            .Build();
        IContainer rabbitMq = new ContainerBuilder("rabbitmq:3.13")
            .WithEnvironment("RABBITMQ_DEFAULT_VHOST", "lms_test")
            .WithPortBinding(5672, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Server startup complete"))
            .Build();
        await Task.WhenAll(mariaDb.StartAsync(), rabbitMq.StartAsync());

        return new Servers(
            $"Server={mariaDb.Hostname};Port={mariaDb.GetMappedPublicPort(3306)}",
            new Uri($"amqp://guest:guest@{rabbitMq.Hostname}:{rabbitMq.GetMappedPublicPort(5672)}/lms_test"),
            rootPassword);
    }

    private sealed record Servers(string MariaDb, Uri RabbitMq, string? MariaDbRootPassword);
}
