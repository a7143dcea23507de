using System.Security.Claims;
using Lms.Company.Data;
using Lms.Company.Provisions;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Company.Learning;

public sealed record LearnerProgressView(
    Guid UserId, string? Name, string? Email, string State, decimal ProgressPercent, DateTimeOffset? CompletedAt, string? CertificateSerial);

public sealed record ProvisionProgress(
    Guid ProvisionId, Guid CourseId, string CourseTitle, DateOnly BeginDate, DateOnly EndDate, string State,
    int Learners, int Completed, decimal AverageProgressPercent, IReadOnlyList<LearnerProgressView> Items);

/// <summary>How the company's employees are doing in one provision, for its supervisors.</summary>
public static class ProgressEndpoints
{
    public static RouteGroupBuilder MapProgressEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/course-provides/{id:guid}/progress", GetAsync).RequireAuthorization(Roles.CompanySupervisor).WithTags("Course provision")
            .WithSummary("Each rostered employee's progress, completion and certificate in one provision")
            .WithDescription("Employees on the roster before the institution approves it are WAITING; people taken off the roster stay listed as CANCELLED.");
        return api;
    }

    internal static async Task<Results<Ok<ProvisionProgress>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, CompanyDbContext db, CancellationToken cancellationToken)
    {
        if (await ProvisionEndpoints.OwnAsync(db, caller, id, cancellationToken) is not { } provision)
        {
            return ProvisionEndpoints.NotFound();
        }

        var enrolled = await db.LearnerProgress.AsNoTracking().Where(p => p.ProvisionId == id).ToListAsync(cancellationToken);
        var rows = enrolled.ToDictionary(p => p.UserId);
        var people = provision.Roster.Union(rows.Keys).ToList();
        var users = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var items = people
            .Select(userId =>
            {
                var user = users.GetValueOrDefault(userId);
                return rows.TryGetValue(userId, out var row)
                    ? new LearnerProgressView(userId, user?.Name, user?.Email, row.State, row.ProgressPercent, row.CompletedAt, row.CertificateSerial)
                    : new LearnerProgressView(userId, user?.Name, user?.Email, LearnerStates.Waiting, 0, null, null);
            })
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .ToList();
        var learning = items.Where(i => i.State != LearnerStates.Cancelled).ToList();
        return TypedResults.Ok(new ProvisionProgress(provision.Id, provision.CourseId, provision.CourseTitle, provision.BeginDate, provision.EndDate,
            provision.State, learning.Count, learning.Count(i => i.State == LearnerStates.Completed),
            learning.Count == 0 ? 0 : Math.Round(learning.Average(i => i.ProgressPercent), 2), items));
    }
}
