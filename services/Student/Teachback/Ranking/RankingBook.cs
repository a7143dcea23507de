using Lms.Student.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Teachback.Ranking;

/// <summary>Writes and reads the ranking's projection.</summary>
public static class RankingBook
{
    /// <summary>
    /// Adds one score to the learner's day in the global scope and, for a course topic, in the course's. One atomic
    /// upsert per row: two scorings of the same learner at once both count. The learner's pseudonym is drawn at their
    /// first scoring and never changes.
    /// </summary>
    public static async Task RecordAsync(StudentDbContext db, Guid userId, Guid? courseId, int score, DateOnly day, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO teachback_pseudonyms (user_id, code) VALUES ({userId}, {TeachbackPseudonym.NewCode()})
            ON DUPLICATE KEY UPDATE code = code
            """, cancellationToken);
        foreach (var scope in courseId is { } course ? new[] { TeachbackRankDay.Global, course } : [TeachbackRankDay.Global])
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO teachback_rank_days (scope_id, user_id, day, score_sum, scored_count, last_scored_at)
                VALUES ({scope}, {userId}, {day}, {score}, 1, {at.UtcDateTime})
                ON DUPLICATE KEY UPDATE score_sum = score_sum + VALUES(score_sum), scored_count = scored_count + 1,
                    last_scored_at = GREATEST(last_scored_at, VALUES(last_scored_at))
                """, cancellationToken);
        }
    }

    /// <summary>
    /// The standings in a scope since <paramref name="from"/> of learners with at least <paramref name="minimumCount"/>
    /// scores (or of <paramref name="onlyUser"/>): aggregated and filtered by the database, one row per learner.
    /// </summary>
    public static async Task<IReadOnlyList<Standing>> StandingsAsync(StudentDbContext db, Guid scope, DateOnly from, int minimumCount,
        CancellationToken cancellationToken, Guid? onlyUser = null)
    {
        var days = db.TeachbackRankDays.AsNoTracking().Where(d => d.ScopeId == scope && d.Day >= from);
        if (onlyUser is { } user)
        {
            days = days.Where(d => d.UserId == user);
        }

        return [.. (await days
                .GroupBy(d => d.UserId)
                .Select(g => new { UserId = g.Key, Sum = g.Sum(d => d.ScoreSum), Count = g.Sum(d => d.ScoredCount), Last = g.Max(d => d.LastScoredAt) })
                .Where(s => s.Count >= minimumCount)
                .ToListAsync(cancellationToken))
            .Select(s => new Standing(s.UserId, s.Sum, s.Count, s.Last))];
    }
}
