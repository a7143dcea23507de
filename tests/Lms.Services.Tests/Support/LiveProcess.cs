using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Lms.Services.Tests.Support;

/// <summary>
/// A live service in its own operating-system process (the build's Lms.Live.dll), on the test databases and broker and
/// with <see cref="Platform.LiveSettings"/>, so a test can kill it outright (SIGKILL: no graceful shutdown, connections
/// simply drop) as a crashed instance would. It trusts <see cref="TestTokens"/> through a small key server here, since
/// an in-process replacement of its token validation cannot reach another process.
/// </summary>
public sealed class LiveProcess : IAsyncDisposable
{
    private static readonly SemaphoreSlim KeysGate = new(1, 1);
    private static string? _metadataAddress;
    private readonly Process _process;

    private LiveProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<LiveProcess> StartAsync()
    {
        var port = FreePort();
        var rabbit = await TestServers.RabbitMqAsync();
        var credentials = rabbit.UserInfo.Split(':');
        var settings = new Dictionary<string, string>(Platform.LiveSettings)
        {
            ["ConnectionStrings:Database"] = await TestServers.MariaDbAsync("lms_live_test", "lms_live"),
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMq:Host"] = rabbit.Host,
            ["Messaging:RabbitMq:Port"] = rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Messaging:RabbitMq:VirtualHost"] = Uri.UnescapeDataString(rabbit.AbsolutePath.TrimStart('/')),
            ["Messaging:RabbitMq:Username"] = Uri.UnescapeDataString(credentials[0]),
            ["Messaging:RabbitMq:Password"] = Uri.UnescapeDataString(credentials[1]),
            ["Telemetry:ConsoleExporter"] = "false",
            ["Auth:Issuer"] = TestTokens.Issuer,
            ["Auth:Audience"] = TestTokens.Audience,
            ["Auth:MetadataAddress"] = await KeyServerAsync(),
        };
        var start = new ProcessStartInfo("dotnet", [LiveDll()])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(LiveDll())!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start)!;
        // Drained so the child never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var live = new LiveProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient();
        await Eventually.TrueAsync(async () =>
        {
            Assert.False(process.HasExited, $"the live process exited with {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                return (await http.GetAsync(new Uri(live.Address, "/health/ready"))).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), "the live process is ready");
        return live;
    }

    /// <summary>Ends the process at once, as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>OpenID metadata and the public half of the test signing key, served once for the whole run.</summary>
    private static async Task<string> KeyServerAsync()
    {
        await KeysGate.WaitAsync();
        try
        {
            if (_metadataAddress is null)
            {
                var port = FreePort();
                var builder = WebApplication.CreateSlimBuilder();
                builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
                var app = builder.Build();
                var publicKey = JsonWebKeyConverter.ConvertFromRSASecurityKey(
                    new RsaSecurityKey(TestTokens.Key.Rsa.ExportParameters(includePrivateParameters: false)) { KeyId = TestTokens.Key.KeyId });
                app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, string>
                {
                    ["issuer"] = TestTokens.Issuer, ["jwks_uri"] = $"http://127.0.0.1:{port}/jwks",
                }));
                app.MapGet("/jwks", () => Results.Json(new Dictionary<string, object>
                {
                    ["keys"] = new[] { new Dictionary<string, string> { ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = publicKey.Kid, ["n"] = publicKey.N, ["e"] = publicKey.E } },
                }));
                await app.StartAsync();
                _metadataAddress = $"http://127.0.0.1:{port}/.well-known/openid-configuration";
            }
            return _metadataAddress;
        }
        finally
        {
            KeysGate.Release();
        }
    }

    private static string LiveDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Microservices.sln")))
        {
            dir = dir.Parent;
        }
        var configuration = AppContext.BaseDirectory.Contains("/release/", StringComparison.Ordinal) ? "release" : "debug";
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("The repository root was not found."),
            "artifacts", "bin", "Lms.Live", configuration, "Lms.Live.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
