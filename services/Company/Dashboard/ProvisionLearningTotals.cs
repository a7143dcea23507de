using Lms.Company.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Company.Dashboard;

/// <summary>
/// Pre-aggregated numbers of one provision's learners, so the company dashboard sums one row per provision instead of
/// reading every learner. Kept by the learner-progress consumers, by the change each event makes to one learner.
/// </summary>
public sealed class ProvisionLearningTotals(Guid provisionId)
{
    public Guid ProvisionId { get; set; } = provisionId;

    /// <summary>Learners not cancelled.</summary>
    public int Learners { get; set; }

    public int Active { get; set; }

    public int Completed { get; set; }

    public int Cancelled { get; set; }

    public decimal ProgressSum { get; set; }

    public int Scored { get; set; }

    public decimal ScoreSum { get; set; }

    public int Attended { get; set; }

    public decimal AttendanceSum { get; set; }

    public bool IsZero => Learners == 0 && Active == 0 && Completed == 0 && Cancelled == 0 && ProgressSum == 0 && Scored == 0 && ScoreSum == 0
        && Attended == 0 && AttendanceSum == 0;

    public ProvisionLearningTotals Minus(ProvisionLearningTotals? other) => other is null ? this : new(ProvisionId)
    {
        Learners = Learners - other.Learners,
        Active = Active - other.Active,
        Completed = Completed - other.Completed,
        Cancelled = Cancelled - other.Cancelled,
        ProgressSum = ProgressSum - other.ProgressSum,
        Scored = Scored - other.Scored,
        ScoreSum = ScoreSum - other.ScoreSum,
        Attended = Attended - other.Attended,
        AttendanceSum = AttendanceSum - other.AttendanceSum,
    };

    public void Add(ProvisionLearningTotals other)
    {
        Learners += other.Learners;
        Active += other.Active;
        Completed += other.Completed;
        Cancelled += other.Cancelled;
        ProgressSum += other.ProgressSum;
        Scored += other.Scored;
        ScoreSum += other.ScoreSum;
        Attended += other.Attended;
        AttendanceSum += other.AttendanceSum;
    }

    /// <summary>The change from <paramref name="before"/> to <paramref name="after"/>, per provision (the provision only ever goes from unknown to known).</summary>
    public static IReadOnlyList<ProvisionLearningTotals> Deltas(ProvisionLearningTotals? before, ProvisionLearningTotals? after)
    {
        if (before is not null && after is not null && before.ProvisionId == after.ProvisionId)
        {
            return after.Minus(before) is { IsZero: false } delta ? [delta] : [];
        }

        List<ProvisionLearningTotals> deltas = [];
        if (before is not null)
        {
            deltas.Add(new ProvisionLearningTotals(before.ProvisionId).Minus(before));
        }
        if (after is not null)
        {
            deltas.Add(after);
        }
        return [.. deltas.Where(d => !d.IsZero).OrderBy(d => d.ProvisionId)];
    }

    /// <summary>Atomic increments inside the consumer's transaction, so concurrent consumers never lose each other's.</summary>
    public static async Task ApplyAsync(CompanyDbContext db, ProvisionLearningTotals? before, ProvisionLearningTotals? after, CancellationToken cancellationToken)
    {
        foreach (var d in Deltas(before, after))
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO provision_learning_totals
                  (provision_id, learners, active, completed, cancelled, progress_sum, scored, score_sum, attended, attendance_sum)
                VALUES ({d.ProvisionId}, {d.Learners}, {d.Active}, {d.Completed}, {d.Cancelled}, {d.ProgressSum}, {d.Scored}, {d.ScoreSum},
                  {d.Attended}, {d.AttendanceSum})
                ON DUPLICATE KEY UPDATE
                  learners = learners + VALUES(learners), active = active + VALUES(active), completed = completed + VALUES(completed),
                  cancelled = cancelled + VALUES(cancelled), progress_sum = progress_sum + VALUES(progress_sum), scored = scored + VALUES(scored),
                  score_sum = score_sum + VALUES(score_sum), attended = attended + VALUES(attended), attendance_sum = attendance_sum + VALUES(attendance_sum)
                """, cancellationToken);
        }
    }
}
