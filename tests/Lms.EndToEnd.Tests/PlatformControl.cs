using System.Diagnostics;

namespace Lms.EndToEnd.Tests;

/// <summary>
/// The fault controls <c>./lms test</c> exports: <c>LMS_BROKER_CTL</c> (scripts/broker.sh stop|start|kill|revive) and
/// <c>LMS_DATABASE_CTL</c> (scripts/database.sh restart). Each call waits until the script has done what it says.
/// </summary>
public static class PlatformControl
{
    public static Task BrokerAsync(string verb) => RunAsync("LMS_BROKER_CTL", verb);

    public static Task DatabaseAsync(string verb) => RunAsync("LMS_DATABASE_CTL", verb);

    /// <summary>Messages in the platform's <c>_error</c> queues: deliveries a consumer gave up on after its retries.</summary>
    public static async Task<int> DeadLetteredMessagesAsync() =>
        int.Parse((await RunAsync("LMS_BROKER_CTL", "dead")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> RunAsync(string variable, string verb)
    {
        var script = Environment.GetEnvironmentVariable(variable)
            ?? throw new InvalidOperationException($"{variable} is not set: run the end-to-end tests with `./lms test`.");
        using var process = Process.Start(new ProcessStartInfo(script) { ArgumentList = { verb }, RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not run {script}.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {verb} exited {process.ExitCode}: {await output}{await errors}");
        }
        return await output;
    }
}
