using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Lms.EndToEnd.Tests;

/// <summary><c>./lms status</c> on the running platform: what an operator checks first, per service, and the trace viewer.</summary>
public sealed partial class Reading_the_platform_status
{
    private static readonly string[] ServicesWithOutboxes = ["identity", "institution", "company", "student", "content", "live", "board"];

    [Fact]
    public async Task Shows_each_service_ready_with_its_outbox_dead_letters_and_recent_faults_and_the_viewer_running()
    {
        var printed = await StatusAsync();

        foreach (var service in ServicesWithOutboxes)
        {
            var line = Assert.Single(printed, l => l.TrimStart().StartsWith(service + " ", StringComparison.Ordinal));
            Assert.Contains("running", line, StringComparison.Ordinal);
            Assert.Matches(Figures(), line);
        }
        var gateway = Assert.Single(printed, l => l.TrimStart().StartsWith("gateway ", StringComparison.Ordinal));
        Assert.Contains("running", gateway, StringComparison.Ordinal);
        var viewer = Assert.Single(printed, l => l.TrimStart().StartsWith("viewer ", StringComparison.Ordinal));
        Assert.Contains("running", viewer, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(Healthy|Degraded|Unhealthy) +outbox \d+ pending \(oldest \d+ s\), dead letters \d+, faults \d+ in 5 min")]
    private static partial Regex Figures();

    private static async Task<string[]> StatusAsync()
    {
        var lms = Environment.GetEnvironmentVariable("LMS_CTL")
            ?? throw new InvalidOperationException("LMS_CTL is not set: run the end-to-end tests with `./lms test`.");
        using var process = Process.Start(new ProcessStartInfo("bash") { ArgumentList = { lms, "status" }, RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not run {lms} status.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0
            ? (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            : throw new InvalidOperationException($"{lms} status exited {process.ExitCode}: {await output}{await errors}");
    }
}
