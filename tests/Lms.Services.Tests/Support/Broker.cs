using System.Diagnostics;
using Lms.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Lms.Services.Tests.Support;

/// <summary>Stops and starts the real RabbitMQ through the script that <c>./lms test</c> names in <c>LMS_BROKER_CTL</c>.</summary>
public static class Broker
{
    public static Task StopAsync() => RunAsync("stop");

    public static Task StartAsync() => RunAsync("start");

    /// <summary>The messages waiting in each queue of the test vhost; a queue that does not exist yet has had none.</summary>
    public static async Task<Dictionary<string, uint>> CountMessagesAsync(IEnumerable<string> queues)
    {
        var factory = new ConnectionFactory { Uri = await TestServers.RabbitMqAsync() };
        await using var connection = await factory.CreateConnectionAsync();
        var counts = new Dictionary<string, uint>();
        foreach (var queue in queues)
        {
            // A passive declare of a missing queue closes its channel, so each queue gets its own.
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                counts[queue] = (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
            }
            catch (OperationInterruptedException)
            {
                counts[queue] = 0;
            }
        }

        return counts;
    }

    private static async Task RunAsync(string verb)
    {
        var script = Environment.GetEnvironmentVariable("LMS_BROKER_CTL")
            ?? throw new InvalidOperationException("LMS_BROKER_CTL is not set: run the tests with `./lms test`.");
        using var process = Process.Start(new ProcessStartInfo(script, verb) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not run {script}.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {verb} exited {process.ExitCode}: {await output}{await errors}");
        }
    }
}
