using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Lms.Student.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Enrollments;

public sealed record EnrollmentListQuery(
    [property: Range(1, 100_000)] int Page = 1,
    [property: Range(1, 100)] int Size = 20);

public sealed record EnrollmentSummary(
    Guid Id, Guid CourseProvideId, Guid CourseId, string CourseTitle, string InstitutionName, DateOnly BeginDate, DateOnly EndDate,
    string State, decimal ProgressPercent);

public static class EnrollmentEndpoints
{
    public static RouteGroupBuilder MapEnrollmentEndpoints(this RouteGroupBuilder api)
    {
        // Rosters hold a company's members, supervisors included, and a learner may be promoted mid-course.
        api.MapGet("/enrollments", ListAsync).RequireAuthorization(policy => policy.RequireRole(Roles.Employee, Roles.CompanySupervisor))
            .WithSummary("My courses: enrollments with course, institution, dates, state and progress (employees and supervisors)")
            .WithTags("Learning");
        return api;
    }

    internal static async Task<Ok<Paged<EnrollmentSummary>>> ListAsync(
        [AsParameters] EnrollmentListQuery query, ClaimsPrincipal caller, StudentDbContext db, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var mine =
            from enrollment in db.Enrollments.AsNoTracking()
            join provision in db.Provisions.AsNoTracking() on enrollment.ProvisionId equals provision.Id
            where enrollment.UserId == userId
            select new { enrollment, provision };
        var total = await mine.CountAsync(cancellationToken);
        var items = await mine.OrderByDescending(x => x.provision.BeginDate).ThenBy(x => x.provision.CourseTitle).ThenBy(x => x.enrollment.Id)
            .Skip((query.Page - 1) * query.Size).Take(query.Size)
            .Select(x => new EnrollmentSummary(x.enrollment.Id, x.provision.Id, x.provision.CourseId, x.provision.CourseTitle,
                x.provision.InstitutionName, x.provision.BeginDate, x.provision.EndDate, x.enrollment.State, x.enrollment.ProgressPercent))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<EnrollmentSummary>(items, query.Page, query.Size, total));
    }
}
