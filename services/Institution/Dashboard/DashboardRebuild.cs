using Lms.Institution.Data;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Dashboard;

public sealed record DashboardRebuilt(int Enrollments, int ProvisionMonths, int CourseRatings, int Institutions, int MonthCompanies, int MonthCourses);

/// <summary>
/// Repairs the counters: recomputes every counter (provision-months, their rollups, ratings) from the per-enrollment rows with the same
/// <see cref="EnrollmentRecord.Contribution"/> the consumers use, and replaces them in one transaction. The rows are
/// read under a shared lock, so a consumer that wants to change one waits for the rebuild instead of being lost by it.
/// </summary>
public static class DashboardRebuild
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/dashboard/rebuild", RebuildAsync).RequireAuthorization(Roles.Admin).WithTags("Institution dashboard")
            .WithSummary("Recompute the dashboard counters from the per-enrollment rows (platform operators only)");

    internal static async Task<Ok<DashboardRebuilt>> RebuildAsync(InstitutionDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await RunAsync(db, cancellationToken));

    public static async Task<DashboardRebuilt> RunAsync(InstitutionDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var provisions = new Dictionary<(Guid, Guid, int), ProvisionMonthTotals>();
        var ratings = new Dictionary<Guid, CourseRatingTotals>();
        var enrollments = 0;
        await foreach (var record in db.EnrollmentRecords.FromSqlRaw("SELECT * FROM dashboard_enrollments LOCK IN SHARE MODE").AsNoTracking()
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            enrollments++;
            var contribution = record.Contribution();
            if (contribution.Provision is { } p)
            {
                if (provisions.TryGetValue(p.Key, out var sum))
                {
                    sum.Add(p);
                }
                else
                {
                    provisions[p.Key] = p;
                }
            }
            if (contribution.Rating is { } r)
            {
                if (ratings.TryGetValue(r.CourseId, out var sum))
                {
                    sum.Add(r);
                }
                else
                {
                    ratings[r.CourseId] = r;
                }
            }
        }

        // The rollups are the provision rows summed by coarser keys, with the same function the consumers use on deltas.
        var rollups = DashboardRollups.Of(provisions.Values);
        await db.ProvisionMonths.ExecuteDeleteAsync(cancellationToken);
        await db.InstitutionTotals.ExecuteDeleteAsync(cancellationToken);
        await db.MonthCompanies.ExecuteDeleteAsync(cancellationToken);
        await db.MonthCourses.ExecuteDeleteAsync(cancellationToken);
        await db.CourseRatings.ExecuteDeleteAsync(cancellationToken);
        db.ProvisionMonths.AddRange(provisions.Values);
        db.InstitutionTotals.AddRange(rollups.Institutions);
        db.MonthCompanies.AddRange(rollups.MonthCompanies);
        db.MonthCourses.AddRange(rollups.MonthCourses);
        db.CourseRatings.AddRange(ratings.Values);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DashboardRebuilt(enrollments, provisions.Count, ratings.Count, rollups.Institutions.Count, rollups.MonthCompanies.Count,
            rollups.MonthCourses.Count);
    }
}
