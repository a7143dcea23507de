using Lms.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Support;

/// <summary>
/// One service in-process, configured as in Development (migrations at start-up) but against its test database
/// and the test vhost, trusting the test token key.
/// </summary>
public sealed class ServiceHost<TContext>(string name, IReadOnlyDictionary<string, string> settings, bool trustTestTokens,
    Action<IServiceCollection>? configureServices) : WebApplicationFactory<TContext>, IServiceHost
    where TContext : DbContext
{
    public string Name => name;

    public HttpClient Client => CreateClient();

    public async Task<T> WithDbAsync<T>(Func<TContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    /// <summary>The number of rows in each of the service's tables (its own schema), to show a refused request changed nothing.</summary>
    public Task<IReadOnlyDictionary<string, long>> CountRowsAsync() => WithDbAsync<IReadOnlyDictionary<string, long>>(async db =>
    {
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS Value FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'").ToListAsync();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
#pragma warning disable EF1002 // the table names come from the schema itself, not from input
            counts[table] = await db.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS Value FROM `{table}`").SingleAsync();
#pragma warning restore EF1002
        }
        return counts;
    });

    /// <param name="trustTestTokens">
    /// Whether the service accepts <see cref="TestTokens"/>; the identity service is the exception, as it validates
    /// the tokens it issues itself.
    /// </param>
    /// <param name="configureServices">Replacements for this host only (e.g. where it reaches another in-process service).</param>
    /// <param name="kestrelPort">Listen on this loopback port with Kestrel instead of the in-memory test server, for callers
    /// outside this process (nginx's callbacks).</param>
    public static async Task<ServiceHost<TContext>> StartAsync(string name, IReadOnlyDictionary<string, string>? extraSettings = null,
        bool trustTestTokens = true, Action<IServiceCollection>? configureServices = null, int? kestrelPort = null)
    {
        var rabbit = await TestServers.RabbitMqAsync();
        var credentials = rabbit.UserInfo.Split(':');
        var settings = new Dictionary<string, string>(TestTokens.Settings)
        {
            ["ConnectionStrings:Database"] = await TestServers.MariaDbAsync($"lms_{name}_test", $"lms_{name}"),
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMq:Host"] = rabbit.Host,
            ["Messaging:RabbitMq:Port"] = rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Messaging:RabbitMq:VirtualHost"] = Uri.UnescapeDataString(rabbit.AbsolutePath.TrimStart('/')),
            ["Messaging:RabbitMq:Username"] = Uri.UnescapeDataString(credentials[0]),
            ["Messaging:RabbitMq:Password"] = Uri.UnescapeDataString(credentials[1]),
            ["Telemetry:ConsoleExporter"] = "false",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var host = new ServiceHost<TContext>(name, settings, trustTestTokens, configureServices);
        if (kestrelPort is { } port)
        {
            host.UseKestrel(port);
            host.StartServer();
        }
        else
        {
            _ = host.Server; // starts the host: migrations, bus, relay
        }
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (trustTestTokens)
        {
            builder.ConfigureServices(TestTokens.Trust);
        }
        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
    }
}

public interface IServiceHost : IAsyncDisposable
{
    string Name { get; }

    HttpClient Client { get; }

    Task<IReadOnlyDictionary<string, long>> CountRowsAsync();
}
