namespace Lms.Company.Provisions;

/// <summary>
/// How many seats a registered provision has left: every learner on the roster and every learner who left it after
/// making progress holds one. Additions beyond what is left are the overflow, named so the supervisor knows who.
/// </summary>
public static class SeatRule
{
    public static IReadOnlyList<Guid> Overflow(int seatsHeld, IReadOnlyList<Guid> additions, int seats)
    {
        var free = Math.Max(0, seats - seatsHeld);
        return additions.Count <= free ? [] : [.. additions.Skip(free)];
    }
}
