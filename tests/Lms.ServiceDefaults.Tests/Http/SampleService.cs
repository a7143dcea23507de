using System.ComponentModel.DataAnnotations;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Lms.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace Lms.ServiceDefaults.Tests.Http;

public sealed record ThingRequest(
    [property: Required, EmailAddress] string Email,
    [property: Required, MaxLength(10)] string Name,
    [property: Range(1, 10)] int Count);

public sealed record SampleRow(string Name, int Count);

public sealed record SampleTable(IReadOnlyList<SampleRow> Items);

/// <summary>A service built only from the defaults, with a few routes that exercise them.</summary>
public sealed class SampleService : IAsyncLifetime
{
    /// <summary>The one page origin allowed to send cookie-signed state changes.</summary>
    public const string AllowedOrigin = "https://app.example";

    private WebApplication _app = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(TestTokens.Settings!);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = AllowedOrigin });
        builder.AddServiceDefaults("sample");
        TestTokens.Trust(builder.Services);

        _app = builder.Build();
        _app.UseServiceDefaults();
        var api = _app.MapServiceApi();
        api.MapPost("/things", (ThingRequest request) => TypedResults.Ok(request));
        api.MapGet("/managed", () => "managed").RequireAuthorization(Roles.InstitutionManager);
        api.MapDelete("/managed", () => TypedResults.NoContent()).RequireAuthorization(Roles.InstitutionManager);
        api.MapGet("/admin", () => "admin").RequireAuthorization(Roles.Admin);
        api.MapGet("/table", Results<Ok<SampleTable>, CsvFile<SampleRow>, ValidationProblem> (string? format) =>
        {
            if (!ReportFormat.TryParse(format, out var csv))
            {
                return ReportFormat.Invalid();
            }
            SampleRow[] rows = [new("김하나", 3), new("=SUM(A1)", 1)];
            return csv
                ? CsvFile.Of("표.csv", "table.csv", [new CsvColumn<SampleRow>("이름", r => r.Name), new("개수", r => $"{r.Count}")], rows)
                : TypedResults.Ok(new SampleTable(rows));
        });
        api.MapGet("/broken", string () => throw new InvalidOperationException("secret internal detail"));
        // A database that is not there: nothing listens on port 1 of loopback.
        api.MapGet("/database-away", async () =>
        {
            await using var connection = new MySqlConnector.MySqlConnection("Server=127.0.0.1;Port=1;User=nobody;Password=x;Connection Timeout=2");
            await connection.OpenAsync();
            return "unreachable";
        });
        // The real database's connection dropped mid-query, as when the server shuts down under a running request.
        api.MapGet("/database-lost", async () =>
        {
            var server = new MySqlConnector.MySqlConnectionStringBuilder(await TestServers.MariaDbAsync("lms_platform_test", "lms_platform"));
            using var proxy = new Support.TcpProxy(server.Server, (int)server.Port);
            proxy.Start();
            server.Server = "127.0.0.1";
            server.Port = (uint)proxy.Port;
            server.Pooling = false;
            await using var connection = new MySqlConnector.MySqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            await using var command = new MySqlConnector.MySqlCommand("SELECT SLEEP(10)", connection);
            var running = command.ExecuteScalarAsync();
            await Task.Delay(300);
            proxy.Kill();
            return $"{await running}";
        });

        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
