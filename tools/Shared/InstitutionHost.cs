using System.Net;
using System.Net.Sockets;
using Lms.Institution.Data;
using Lms.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lms.Benchmarks;

/// <summary>
/// The institution service as it runs (its own Program, endpoints, authentication, EF and JSON), in this process on a
/// loopback Kestrel port so the bench's requests go through real HTTP. Development settings apply its migrations at
/// start; the bus is in-memory (the benchmarks read, so no broker is needed) and the test token key is trusted.
/// Shared by the dashboard and catalog benchmarks (linked into both).
/// </summary>
internal sealed class InstitutionHost(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<InstitutionDbContext>
{
    public static InstitutionHost Start(string connectionString, out int port)
    {
        var settings = new Dictionary<string, string>(TestTokens.Settings)
        {
            ["ConnectionStrings:Database"] = connectionString,
            ["Messaging:Transport"] = "InMemory",
            ["Telemetry:ConsoleExporter"] = "false",
            // A log line per request would be timed along with the request.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        port = FreePort();
        var host = new InstitutionHost(settings);
        host.UseKestrel(port);
        host.StartServer();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // The factory looks for the service's folder beside a solution file; the service's settings are in the bench's output.
        builder.UseContentRoot(AppContext.BaseDirectory);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(TestTokens.Trust);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal static class BuildInfo
{
    /// <summary>The configuration this benchmark was built in, for its report.</summary>
    public static string Kind =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}
