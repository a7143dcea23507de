namespace Lms.Student.Learning;

/// <summary>Where the player was at the last heartbeat the server accepted, and when (server time).</summary>
public sealed record PlayerAnchor(double PositionSeconds, bool Playing, DateTimeOffset At);

/// <summary>
/// The anti-skip rule: between two heartbeats a learner is credited with the stretch played forward from the earlier
/// position, but never with more than the wall-clock time that passed (plus a little for network jitter). Seeking
/// ahead, fast heartbeats and 2× playback therefore earn real elapsed time only; pausing or going back earns nothing.
/// Wall-clock time is the learner's, not the video's: time already credited to another video (two players open at
/// once) is not credited again, and a player silent for longer than <see cref="MaximumGap"/> earns nothing for the gap.
/// </summary>
public static class HeartbeatCredit
{
    /// <summary>Heartbeats are stamped on arrival, so a delayed one may cover slightly more than the time between arrivals.</summary>
    public const double JitterFraction = 0.10;

    /// <summary>The jitter allowance never exceeds this, however long the interval.</summary>
    public static readonly TimeSpan MaximumJitter = TimeSpan.FromSeconds(1);

    /// <summary>Heartbeats closer together than this are refused: a player sends one every several seconds.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A player sends a heartbeat every few seconds while playing; after a longer silence (a closed laptop, a lost
    /// connection) nobody can say what was watched, so the gap earns nothing and the next heartbeat starts afresh.
    /// </summary>
    public static readonly TimeSpan MaximumGap = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The range to credit for a heartbeat at <paramref name="position"/> arriving at <paramref name="now"/>, or null.
    /// <paramref name="creditedUntil"/> is when the learner's last credited stretch on any video ended.
    /// </summary>
    public static WatchedRange? For(PlayerAnchor? previous, double position, DateTimeOffset now, DateTimeOffset? creditedUntil = null)
    {
        if (previous is null || !previous.Playing || now - previous.At > MaximumGap)
        {
            return null;
        }

        var from = creditedUntil > previous.At ? creditedUntil.Value : previous.At;
        var elapsed = (now - from).TotalSeconds;
        var advanced = position - previous.PositionSeconds;
        if (elapsed <= 0 || advanced <= 0)
        {
            return null;
        }

        var allowance = Math.Min(elapsed * JitterFraction, MaximumJitter.TotalSeconds);
        return new WatchedRange(previous.PositionSeconds, previous.PositionSeconds + Math.Min(advanced, elapsed + allowance));
    }
}
