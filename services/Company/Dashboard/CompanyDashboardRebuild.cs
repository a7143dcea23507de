using Lms.Company.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Company.Dashboard;

public sealed record CompanyDashboardRebuilt(int Learners, int Provisions);

/// <summary>
/// Repairs the learner counters from the learner rows with the same <c>Contribution</c> the consumers use, replacing
/// them in one transaction; the rows are read under a shared lock so consumers wait for the rebuild instead of being lost.
/// </summary>
public static class CompanyDashboardRebuild
{
    public static async Task<CompanyDashboardRebuilt> RunAsync(CompanyDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var totals = new Dictionary<Guid, ProvisionLearningTotals>();
        var learners = 0;
        await foreach (var row in db.LearnerProgress.FromSqlRaw("SELECT * FROM learner_progress LOCK IN SHARE MODE").AsNoTracking()
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            learners++;
            if (row.Contribution() is not { } contribution)
            {
                continue;
            }
            if (totals.TryGetValue(contribution.ProvisionId, out var sum))
            {
                sum.Add(contribution);
            }
            else
            {
                totals[contribution.ProvisionId] = contribution;
            }
        }

        await db.ProvisionLearningTotals.ExecuteDeleteAsync(cancellationToken);
        db.ProvisionLearningTotals.AddRange(totals.Values);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CompanyDashboardRebuilt(learners, totals.Count);
    }
}
