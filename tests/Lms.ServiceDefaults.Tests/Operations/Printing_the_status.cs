using System.Diagnostics;
using System.Diagnostics.Metrics;
using Lms.ServiceDefaults.Health;
using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Messaging.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.ServiceDefaults.Tests.Operations;

/// <summary>
/// <c>./lms status</c> prints, per service, what that service's <c>/health/status</c> says: here the real script reads a
/// real endpoint (on loopback, as on the platform) whose outbox holds pending rows and dead letters.
/// </summary>
public sealed class Printing_the_status : IAsyncLifetime
{
    private WebApplication _service = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddSingleton(new ServiceInfo("identity", "test"));
        builder.Services.AddServiceHealthChecks();
        builder.Services.AddSingleton<IOutboxBacklogMeter>(new FixedBacklog(new OutboxBacklog(3, TimeSpan.FromSeconds(42.7), 2, DateTimeOffset.UtcNow)));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ConsumerFaults>();
        _service = builder.Build();
        _service.MapServiceHealthChecks();
        await _service.StartAsync();
        _service.Services.GetRequiredService<ConsumerFaults>().Record("UserRegisteredConsumer");
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private string Address => _service.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    [Fact]
    public async Task Shows_readiness_the_outbox_backlog_dead_letters_and_recent_faults_of_each_service()
    {
        var printed = await StatusAsync($"identity={Address} board=http://127.0.0.1:1");

        var identity = Assert.Single(printed, line => line.TrimStart().StartsWith("identity", StringComparison.Ordinal));
        Assert.Contains("Healthy", identity, StringComparison.Ordinal);
        Assert.Contains("outbox 3 pending (oldest 42 s)", identity, StringComparison.Ordinal);
        Assert.Contains("dead letters 2", identity, StringComparison.Ordinal);
        Assert.Contains("faults 1 in 5 min", identity, StringComparison.Ordinal);
        // A service that does not answer shows no figures rather than stale or invented ones.
        var board = Assert.Single(printed, line => line.TrimStart().StartsWith("board", StringComparison.Ordinal));
        Assert.DoesNotContain("outbox", board, StringComparison.Ordinal);
    }

    private static async Task<string[]> StatusAsync(string targets)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "scripts", "status.sh"));
        start.Environment["STATUS_TARGETS"] = targets;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run scripts/status.sh");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0
            ? (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            : throw new InvalidOperationException($"status.sh exited {process.ExitCode}: {await output}{await errors}");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "scripts", "status.sh")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No scripts/status.sh above {AppContext.BaseDirectory}.");
    }

    private sealed class FixedBacklog(OutboxBacklog backlog) : IOutboxBacklogMeter
    {
        public Task<OutboxBacklog> MeasureAsync(CancellationToken cancellationToken) => Task.FromResult(backlog);
    }
}
