using System.Diagnostics;

namespace Lms.Services.Tests.Live;

/// <summary>
/// The live service as it starts in production (the built assembly, ASPNETCORE_ENVIRONMENT=Production): a secret shared
/// with nginx that is empty, short or one this repository ever shipped stops it before it serves anything.
/// </summary>
public sealed class Starting_outside_development
{
    [Theory]
    [InlineData("lms-local-live-callback-secret")]
    [InlineData("compose-live-callback-secret")]
    [InlineData("")]
    [InlineData("short-but-sixteen+")]
    public async Task Refuses_to_start_with_a_published_empty_or_short_callback_secret(string secret)
    {
        var (exit, output) = await StartAsync(secret);

        Assert.NotEqual(0, exit);
        Assert.Contains("Live:Streaming:Local:PlaybackSecret and CallbackSecret", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> StartAsync(string callbackSecret)
    {
        var assembly = Path.Combine(RepoRoot(), "artifacts", "bin", "Lms.Live", "debug", "Lms.Live.dll");
        var start = new ProcessStartInfo("dotnet", [assembly]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Auth__Issuer"] = "https://lms.example.com/identity/v1",
            ["Auth__Audience"] = "lms",
            ["Auth__MetadataAddress"] = "https://lms.example.com/identity/v1/.well-known/openid-configuration",
            ["ConnectionStrings__Database"] = "Server=127.0.0.1;Port=1;Database=none;User=none;Password=none",
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__RabbitMq__Host"] = "127.0.0.1",
            ["Live__InternalUrl"] = $"http://127.0.0.1:{FreePort()}",
            ["Live__Streaming__Local__CallbackSecret"] = callbackSecret,
            ["Live__Streaming__Local__PlaybackSecret"] = "a-playback-secret-of-this-installation-0123456789",
        })
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (0, "still running after 60 s: " + await output);
        }
        return (process.ExitCode, await output + await errors);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Microservices.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Microservices.sln) was not found.");
    }
}
