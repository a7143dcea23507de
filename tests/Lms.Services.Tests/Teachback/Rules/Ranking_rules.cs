using Lms.Student.Teachback.Ranking;

namespace Lms.Services.Tests.Teachback.Rules;

public sealed class Ranking_rules
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Orders_by_average_then_count_then_who_reached_the_standing_first()
    {
        var (a, b, c, d) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var ranked = RankingRules.Rank(
        [
            new Standing(a, 240, 3, T0),                // 80 over 3
            new Standing(b, 320, 4, T0.AddHours(2)),    // 80 over 4: more submissions beats a
            new Standing(c, 270, 3, T0.AddHours(5)),    // 90: first
            new Standing(d, 240, 3, T0.AddHours(-1)),   // 80 over 3, reached before a
        ]);

        Assert.Equal([c, b, d, a], ranked.Select(r => r.Standing.UserId));
        Assert.Equal([1, 2, 3, 4], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Learners_below_the_minimum_count_are_not_ranked()
    {
        var (few, enough) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var ranked = RankingRules.Rank([new Standing(few, 200, 2, T0), new Standing(enough, 150, 3, T0)]);

        Assert.Equal([enough], ranked.Select(r => r.Standing.UserId));
    }

    [Theory]
    [InlineData(1, 4, 100)]
    [InlineData(4, 4, 25)]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 1, 100)]
    public void The_percentile_is_the_share_placed_at_or_below(int rank, int ranked, double percentile) =>
        Assert.Equal((decimal)percentile, RankingRules.Percentile(rank, ranked));
}
