namespace Lms.Student.Teachback.Ranking;

/// <summary>One learner's standing over the window: the sum and number of their scores and when they last scored.</summary>
public sealed record Standing(Guid UserId, long ScoreSum, int Count, DateTimeOffset ReachedAt)
{
    public decimal Average => Count == 0 ? 0 : Math.Round((decimal)ScoreSum / Count, 2, MidpointRounding.AwayFromZero);
}

public sealed record RankedStanding(int Rank, Standing Standing);

/// <summary>
/// The ranking's order: learners with at least <see cref="MinimumCount"/> scored submissions in the last
/// <see cref="WindowDays"/> days, by average score; ties by more submissions, then by who reached that standing first
/// (the time of their latest scoring), then by user id so the order never depends on how rows come back.
/// </summary>
public static class RankingRules
{
    public const int WindowDays = 30;
    public const int MinimumCount = 3;

    public static IReadOnlyList<RankedStanding> Rank(IEnumerable<Standing> standings, int minimumCount = MinimumCount) =>
        [.. standings.Where(s => s.Count >= minimumCount)
            .OrderByDescending(s => (decimal)s.ScoreSum / s.Count)
            .ThenByDescending(s => s.Count)
            .ThenBy(s => s.ReachedAt)
            .ThenBy(s => s.UserId)
            .Select((s, i) => new RankedStanding(i + 1, s))];

    /// <summary>The share of ranked learners placed at or below this rank, 0–100: the first of 4 is at 100, the last at 25.</summary>
    public static decimal Percentile(int rank, int ranked) =>
        ranked == 0 ? 0 : Math.Round(100m * (ranked - rank + 1) / ranked, 1, MidpointRounding.AwayFromZero);
}
