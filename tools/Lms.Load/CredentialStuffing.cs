using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Lms.Load;

/// <summary>What the credential-stuffing scenario does; the defaults fit the local gateway's limits (see <see cref="CredentialStuffing"/>).</summary>
public sealed record CredentialStuffingOptions
{
    /// <summary>People signing in with their right password, each its own account.</summary>
    public int LegitimateUsers { get; init; } = 20;

    /// <summary>
    /// Each person's pause between two sign-ins. Through the local gateway every sign-in from one address counts against
    /// its strict limit (50 a minute with <c>./lms up</c>) and every account against 5 a minute: 20 people every 30 s
    /// make 40 a minute from 127.0.0.1. Against the identity service directly it can be much shorter.
    /// </summary>
    public TimeSpan LegitimatePause { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the legitimate people connect from.</summary>
    public IPAddress LegitimateAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Attacker addresses: 127.0.0.2, 127.0.0.3, … (the whole 127/8 is loopback on Linux).</summary>
    public int AttackerAddresses { get; init; } = 32;

    /// <summary>Attacker connections, spread over the addresses, each sending the next guess as soon as the last is answered.</summary>
    public int AttackerConnections { get; init; } = 64;

    /// <summary>How long each phase (quiet, then under attack) measures.</summary>
    public TimeSpan PhaseDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Where the identity service writes its emails (<c>.local/mail</c> with <c>./lms up</c>), to confirm the accounts.</summary>
    public string MailDirectory { get; init; } = Environment.GetEnvironmentVariable("LMS_MAIL_DIR") ?? ".local/mail";
}

/// <summary>One phase's legitimate sign-ins: latency of those that succeeded, and how many did not.</summary>
public sealed record SignInLatency(int SignedIn, int Refused, double P50Ms, double P95Ms, double P99Ms);

/// <summary>What the attackers got: answers by status.</summary>
public sealed record AttackAnswers(long Requests, long Unauthorized, long TooManyRequests, long Busy, long Other, long Failed, double PerSecond);

public sealed record CredentialStuffingResult(SignInLatency Quiet, SignInLatency UnderAttack, AttackAnswers Attack)
{
    /// <summary>Legitimate p95 under attack ÷ quiet p95; the aim is at most 1.5.</summary>
    public double P95Ratio => UnderAttack.P95Ms / Quiet.P95Ms;

    /// <summary>The harness's table lines: legitimate p95 under attack beside the quiet one, the aim, and what the attack got.</summary>
    public IEnumerable<Figure> Figures()
    {
        yield return new Figure("sign-in", "legitimate sign-in p95 under credential stuffing", Lms.Load.Figures.Ms(UnderAttack.P95Ms),
            Lms.Load.Figures.Ms(Quiet.P95Ms), "≤ 1.5× quiet", P95Ratio <= 1.5 && UnderAttack.Refused == 0);
        yield return new Figure("sign-in", "legitimate sign-ins refused under attack", UnderAttack.Refused.ToString(CultureInfo.InvariantCulture),
            Quiet.Refused.ToString(CultureInfo.InvariantCulture), "0", UnderAttack.Refused == 0);
        yield return new Figure("sign-in", "attack guesses answered (401 / 429 / 503)",
            string.Create(CultureInfo.InvariantCulture, $"{Lms.Load.Figures.Rate(Attack.PerSecond)} ({Attack.Unauthorized} / {Attack.TooManyRequests} / {Attack.Busy})"));
    }
}

/// <summary>
/// Credential stuffing against sign-in while real people sign in. Creates <see cref="CredentialStuffingOptions.LegitimateUsers"/>
/// confirmed accounts, then measures their sign-ins twice for the same time: quiet, and while attackers on other loopback
/// addresses (each client socket bound to its own 127.0.0.x with <see cref="SocketsHttpHandler.ConnectCallback"/>) post
/// random login/password pairs as fast as they are answered. Prints both p95s and their ratio.
/// Works against the gateway or the identity service directly (the routes are the same); the sequence is bounded in time.
/// </summary>
public static partial class CredentialStuffing
{
    private const string Password = "Stuffing-load-2026!";

    public static async Task<CredentialStuffingResult> RunAsync(Uri gateway, CredentialStuffingOptions options, TextWriter output,
        CancellationToken cancellationToken = default)
    {
        using var legitimate = BoundClient(gateway, options.LegitimateAddress, options.LegitimateUsers);
        output.WriteLine($"Credential stuffing against {gateway}: creating {options.LegitimateUsers} confirmed accounts…");
        var logins = await CreateAccountsAsync(legitimate, options, cancellationToken);

        output.WriteLine($"Quiet: {options.LegitimateUsers} people from {options.LegitimateAddress}, each signing in every {options.LegitimatePause.TotalSeconds:0} s, " +
                         $"for {options.PhaseDuration.TotalSeconds:0} s…");
        var quiet = await SignInRepeatedlyAsync(legitimate, logins, options, cancellationToken);

        output.WriteLine($"Under attack: the same, while {options.AttackerConnections} connections from {options.AttackerAddresses} addresses " +
                         "(127.0.0.2 …) post random login/password pairs at full speed…");
        using var stopAttack = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var attack = AttackAsync(gateway, options, stopAttack.Token);
        var underAttack = await SignInRepeatedlyAsync(legitimate, logins, options, cancellationToken);
        await stopAttack.CancelAsync();
        var answers = await attack;

        var result = new CredentialStuffingResult(quiet, underAttack, answers);
        Print(result, output);
        return result;
    }

    private static void Print(CredentialStuffingResult r, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{"legitimate sign-ins",-22} {"ok",6} {"refused",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}");
        foreach (var (name, phase) in new[] { ("quiet", r.Quiet), ("under attack", r.UnderAttack) })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-22} {phase.SignedIn,6} {phase.Refused,8} {phase.P50Ms,8:0.0} {phase.P95Ms,8:0.0} {phase.P99Ms,8:0.0}"));
        }
        var a = r.Attack;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"attack: {a.Requests} guesses answered ({a.PerSecond:0}/s): {a.Unauthorized} 401, {a.TooManyRequests} 429, {a.Busy} 503, {a.Other} other; {a.Failed} unanswered"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p95 under attack / quiet: {r.P95Ratio:0.00}x (aim ≤ 1.5x)"));
    }

    private static async Task<IReadOnlyList<string>> CreateAccountsAsync(HttpClient client, CredentialStuffingOptions options, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var logins = new List<string>();
        for (var i = 0; i < options.LegitimateUsers; i++)
        {
            var username = $"stuff{run}{i}";
            var email = $"{username}@load.example";
            using (var signedUp = await PoliteAsync(() => client.PostAsJsonAsync("/identity/v1/signup",
                       new { email, username, password = Password, name = $"부하{i}" }, cancellationToken), cancellationToken))
            {
                signedUp.EnsureSuccessStatusCode();
            }

            var code = await ConfirmationCodeAsync(options.MailDirectory, email, cancellationToken);
            using (var confirmed = await PoliteAsync(() => client.PostAsJsonAsync("/identity/v1/confirm", new { email, code }, cancellationToken),
                       cancellationToken))
            {
                confirmed.EnsureSuccessStatusCode();
            }
            logins.Add(username);
        }
        return logins;
    }

    // Set-up is not what is measured: it waits out the gateway's limits instead of failing on them.
    private static async Task<HttpResponseMessage> PoliteAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == 5)
            {
                return response;
            }
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5);
            response.Dispose();
            await Task.Delay(wait + TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private static async Task<string> ConfirmationCodeAsync(string mailDirectory, string email, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            // The pickup directory names each message after its recipient.
            var newest = Directory.Exists(mailDirectory)
                ? Directory.GetFiles(mailDirectory, $"*{email}*.eml").Order(StringComparer.Ordinal).LastOrDefault()
                : null;
            if (newest is not null && Code().Match(await File.ReadAllTextAsync(newest, cancellationToken)) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new InvalidOperationException($"No confirmation email to {email} in {Path.GetFullPath(mailDirectory)} within 30 s.");
    }

    private static async Task<SignInLatency> SignInRepeatedlyAsync(HttpClient client, IReadOnlyList<string> logins, CredentialStuffingOptions options,
        CancellationToken cancellationToken)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(options.PhaseDuration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[logins.Count];
        var refused = 0;
        var people = logins.Select((login, index) => Task.Run(async () =>
        {
            latencies[index] = [];
            // Spread over the pause so the people do not arrive in step.
            await Task.Delay(options.LegitimatePause * index / logins.Count, cancellationToken);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.PostAsJsonAsync("/identity/v1/signin", new { login, password = Password }, cancellationToken);
                    await response.Content.LoadIntoBufferAsync(cancellationToken);
                    if (response.IsSuccessStatusCode)
                    {
                        latencies[index].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    // A timeout is a refusal to this person as much as an error status is.
                    Interlocked.Increment(ref refused);
                }
                var left = TimeSpan.FromSeconds((stopAt - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
                if (left > TimeSpan.Zero)
                {
                    await Task.Delay(left < options.LegitimatePause ? left : options.LegitimatePause, cancellationToken);
                }
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(people);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return all.Length == 0
            ? new SignInLatency(0, refused, double.NaN, double.NaN, double.NaN)
            : new SignInLatency(all.Length, refused, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99));
    }

    private static async Task<AttackAnswers> AttackAsync(Uri gateway, CredentialStuffingOptions options, CancellationToken stop)
    {
        var clients = Enumerable.Range(0, options.AttackerAddresses)
            .Select(i => BoundClient(gateway, AttackerAddress(i), Math.Max(1, options.AttackerConnections / options.AttackerAddresses + 1)))
            .ToList();
        long requests = 0, unauthorized = 0, throttled = 0, busy = 0, other = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        var attackers = Enumerable.Range(0, options.AttackerConnections).Select(connection => Task.Run(async () =>
        {
            var client = clients[connection % clients.Count];
            while (!stop.IsCancellationRequested)
            {
                // A random pair, as a list of leaked credentials mostly is for this site: nearly every login unknown.
                var guess = new { login = $"{Guid.NewGuid():N}"[..12], password = Guid.NewGuid().ToString("N") };
                try
                {
                    using var response = await client.PostAsJsonAsync("/identity/v1/signin", guess, stop);
                    await response.Content.LoadIntoBufferAsync(stop);
                    Interlocked.Increment(ref requests);
                    _ = (int)response.StatusCode switch
                    {
                        401 => Interlocked.Increment(ref unauthorized),
                        429 => Interlocked.Increment(ref throttled),
                        503 => Interlocked.Increment(ref busy),
                        _ => Interlocked.Increment(ref other),
                    };
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested)
                {
                    // Refused connections and timeouts: the service did not answer this guess at all.
                    Interlocked.Increment(ref failed);
                }
            }
        }, CancellationToken.None)).ToList();
        await Task.WhenAll(attackers);
        var seconds = clock.Elapsed.TotalSeconds;
        clients.ForEach(c => c.Dispose());
        return new AttackAnswers(requests, unauthorized, throttled, busy, other, failed, requests / seconds);
    }

    private static IPAddress AttackerAddress(int index) => new([127, 0, (byte)((index + 2) / 256), (byte)((index + 2) % 256)]);

    /// <summary>An HTTP client whose connections leave from <paramref name="local"/>, so the server sees that address.</summary>
    private static HttpClient BoundClient(Uri baseAddress, IPAddress local, int connections) =>
        new(new SocketsHttpHandler
        {
            UseCookies = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint.Host == "localhost" ? new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port)
                        : new IPEndPoint(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    [GeneratedRegex("code is ([0-9]{6})")]
    private static partial Regex Code();
}
