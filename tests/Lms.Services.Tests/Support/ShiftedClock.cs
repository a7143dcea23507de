namespace Lms.Services.Tests.Support;

/// <summary>
/// Real time moved forward on demand: a test compresses a 10-second heartbeat interval or an exam's time limit into
/// one call instead of waiting. It only ever moves forward, so tests that share it never see time run backwards.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _shiftTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _shiftTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);
}
