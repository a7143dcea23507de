namespace Lms.Student.Learning;

/// <summary>Where the player was at the last heartbeat the server accepted, and when (server time).</summary>
public sealed record PlayerAnchor(double PositionSeconds, bool Playing, DateTimeOffset At);

/// <summary>
/// The anti-skip rule: between two heartbeats a learner is credited with the stretch played forward from the earlier
/// position, but never with more than the wall-clock time that passed (plus a little for network jitter). Seeking
/// ahead, fast heartbeats and 2× playback therefore earn real elapsed time only; pausing or going back earns nothing.
/// </summary>
public static class HeartbeatCredit
{
    /// <summary>Heartbeats are stamped on arrival, so a delayed one may cover slightly more than the time between arrivals.</summary>
    public const double JitterAllowance = 0.10;

    /// <summary>Heartbeats closer together than this are refused: a player sends one every several seconds.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    /// <summary>The range to credit for a heartbeat at <paramref name="position"/> arriving at <paramref name="now"/>, or null.</summary>
    public static WatchedRange? For(PlayerAnchor? previous, double position, DateTimeOffset now)
    {
        if (previous is null || !previous.Playing)
        {
            return null;
        }

        var elapsed = (now - previous.At).TotalSeconds;
        var advanced = position - previous.PositionSeconds;
        if (elapsed <= 0 || advanced <= 0)
        {
            return null;
        }

        var credited = Math.Min(advanced, elapsed * (1 + JitterAllowance));
        return new WatchedRange(previous.PositionSeconds, previous.PositionSeconds + credited);
    }
}
