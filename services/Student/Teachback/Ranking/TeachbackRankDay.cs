namespace Lms.Student.Teachback.Ranking;

/// <summary>
/// The ranking's projection: per scope (a course, or <see cref="Global"/>), learner and study day, the sum and count of
/// scores of SUCCEEDED submissions and when the last one was scored. Written atomically on each scoring; a ranking
/// reads at most 30 rows per learner instead of every submission.
/// </summary>
public sealed class TeachbackRankDay
{
    /// <summary>The scope id of the global ranking (every topic, course or catalog).</summary>
    public static readonly Guid Global = Guid.Empty;

    public Guid ScopeId { get; set; }

    public Guid UserId { get; set; }

    public DateOnly Day { get; set; }

    public long ScoreSum { get; set; }

    public int ScoredCount { get; set; }

    public DateTimeOffset LastScoredAt { get; set; }
}
