using Microsoft.Extensions.Options;

namespace Lms.Identity.SignInGuard;

/// <summary>
/// Per client address, the failed sign-ins it may still cause: <see cref="SignInGuardOptions.FailuresPerAddress"/>,
/// coming back steadily over <see cref="SignInGuardOptions.FailureWindow"/> (a token bucket). An attempt takes its
/// failure up front, before anything is looked up or hashed, and gives it back when it succeeds; so parallel
/// requests from one address cannot overrun the budget, and a refusal costs a dictionary look-up, not a hash.
/// </summary>
/// <remarks>
/// An entry is a few dozen bytes per address that tried recently (TCP addresses cannot be spoofed, and IPv6 counts by
/// /64); entries that have recovered are swept out once a minute. The budget lives in this instance: with several
/// identity instances behind the gateway each keeps its own.
/// </remarks>
public sealed class AddressFailureBudget(IOptions<SignInGuardOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _lastSweep = clock.GetUtcNow();

    private int Capacity => options.Value.FailuresPerAddress;

    private double RefillPerSecond => Capacity / options.Value.FailureWindow.TotalSeconds;

    /// <summary>Addresses with anything recorded (for the sweep's test and for metrics).</summary>
    public int TrackedAddresses
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public AddressStanding StandingOf(string address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (!_entries.TryGetValue(address, out var entry))
            {
                return AddressStanding.Unknown;
            }

            Refill(entry, now);
            return entry.LastSuccess is { } success && now - success < options.Value.FailureWindow ? AddressStanding.Trusted
                : entry.Failures > 0 ? AddressStanding.Suspect
                : AddressStanding.Unknown;
        }
    }

    /// <summary>Takes one failure for an attempt from <paramref name="address"/>; when none is left, how long until one is.</summary>
    public TimeSpan? TryBegin(string address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            SweepIfDue(now);
            if (!_entries.TryGetValue(address, out var entry))
            {
                entry = new Entry { UpdatedAt = now };
                _entries[address] = entry;
            }

            Refill(entry, now);
            var wouldSpend = entry.Failures + entry.InFlight + 1;
            if (wouldSpend > Capacity)
            {
                var seconds = (wouldSpend - Capacity) / RefillPerSecond;
                return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(seconds)));
            }

            entry.InFlight++;
            return null;
        }
    }

    /// <summary>Ends an attempt that <see cref="TryBegin"/> let through: a failure is kept, anything else given back.</summary>
    public void End(string address, SignInOutcome outcome)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (!_entries.TryGetValue(address, out var entry))
            {
                return;
            }

            Refill(entry, now);
            entry.InFlight = Math.Max(0, entry.InFlight - 1);
            switch (outcome)
            {
                case SignInOutcome.Failed:
                    entry.Failures = Math.Min(Capacity, entry.Failures + 1);
                    break;
                case SignInOutcome.Succeeded:
                    entry.LastSuccess = now;
                    break;
            }
        }
    }

    private void Refill(Entry entry, DateTimeOffset now)
    {
        var elapsed = (now - entry.UpdatedAt).TotalSeconds;
        if (elapsed > 0)
        {
            entry.Failures = Math.Max(0, entry.Failures - elapsed * RefillPerSecond);
            entry.UpdatedAt = now;
        }
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        if (now - _lastSweep < SweepEvery)
        {
            return;
        }

        _lastSweep = now;
        foreach (var (address, entry) in _entries.ToList())
        {
            Refill(entry, now);
            var trustExpired = entry.LastSuccess is not { } success || now - success >= options.Value.FailureWindow;
            if (entry.InFlight == 0 && entry.Failures <= 0 && trustExpired)
            {
                _entries.Remove(address);
            }
        }
    }

    private sealed class Entry
    {
        public double Failures { get; set; }

        public int InFlight { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }

        public DateTimeOffset? LastSuccess { get; set; }
    }
}

/// <summary>How an attempt ended, for the address's budget.</summary>
public enum SignInOutcome
{
    /// <summary>A password was judged wrong (or the login unknown, or the account unconfirmed): the failure is kept.</summary>
    Failed,

    /// <summary>Signed in: the failure is given back and the address is trusted for a while.</summary>
    Succeeded,

    /// <summary>Nothing was judged (the account was locked, the service was busy): the failure is given back.</summary>
    NotJudged,
}
