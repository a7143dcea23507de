using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lms.LiveFanout;

/// <summary>The outcome of answering: each accepted answer's ack latency (ms), and the refusals.</summary>
public sealed record AnswerRun(double[] Latencies, int Errors, IReadOnlyList<string> ErrorSamples);

/// <summary>N learners connected to the classroom hub (spread over the given instances) and joined to one session.</summary>
public sealed class Clients : IAsyncDisposable
{
    private readonly HubConnection[] _connections;
    private long[] _received = [];
    private Guid _awaited;

    private Clients(HubConnection[] connections) => _connections = connections;

    public static async Task<Clients> ConnectAsync(Uri[] instances, string[] tokens, Guid sessionId)
    {
        var connections = new HubConnection[tokens.Length];
        var clients = new Clients(connections);
        using var gate = new SemaphoreSlim(32);
        await Task.WhenAll(tokens.Select(async (token, i) =>
        {
            await gate.WaitAsync();
            try
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(instances[i % instances.Length], "/live/hubs/classroom"), options =>
                    {
                        options.Transports = HttpTransportType.WebSockets;
                        options.SkipNegotiation = true;
                        options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    })
                    .Build();
                connection.ServerTimeout = TimeSpan.FromMinutes(2);
                connection.On<JsonElement>("quizStarted", payload =>
                {
                    // The receipt time, taken first: everything else here is bookkeeping.
                    var now = Stopwatch.GetTimestamp();
                    if (payload.GetProperty("quizId").GetGuid() == clients._awaited)
                    {
                        Interlocked.CompareExchange(ref clients._received[i], now, 0);
                    }
                });
                await connection.StartAsync();
                await connection.InvokeAsync("JoinSession", sessionId);
                connections[i] = connection;
            }
            finally
            {
                gate.Release();
            }
        }));
        return clients;
    }

    /// <summary>Pushes a quiz and returns, per client that got it within 30 s, the time from just before the push call to receipt (ms).</summary>
    public async Task<double[]> PushAsync(Func<Task<HttpResponseMessage>> push, Guid quizId)
    {
        _received = new long[_connections.Length];
        _awaited = quizId;
        var started = Stopwatch.GetTimestamp();
        (await push()).EnsureSuccessStatusCode();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until && _received.Any(r => r == 0))
        {
            await Task.Delay(50);
        }
        return [.. _received.Where(r => r != 0).Select(r => Stopwatch.GetElapsedTime(started, r).TotalMilliseconds)];
    }

    /// <summary>The given clients answer, spread evenly over <paramref name="within"/>; ack latency is the hub call's round trip.</summary>
    public async Task<AnswerRun> AnswerAsync(Guid quizId, int[] who, TimeSpan within)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentBag<string>();
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(who.Select(async (client, k) =>
        {
            var due = within * k / who.Length;
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            var sent = Stopwatch.GetTimestamp();
            try
            {
                await _connections[client].InvokeAsync("AnswerQuiz", quizId, k % 4);
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
            catch (Exception ex) when (ex is Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException or IOException)
            {
                errors.Add(ex.Message);
            }
        }));
        return new AnswerRun([.. latencies], errors.Count, [.. errors.Take(5)]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections.Where(c => c is not null))
        {
            await connection.DisposeAsync();
        }
    }
}
