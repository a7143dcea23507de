using System.Security.Claims;
using Lms.Company.Companies;
using Lms.Company.Data;
using Lms.Company.Learning;
using Lms.Contracts.Provisions;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Lms.ServiceDefaults.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Company.Provisions;

/// <summary>The company side of course provision: request, follow, cancel, roster.</summary>
public static class ProvisionEndpoints
{
    public static RouteGroupBuilder MapProvisionEndpoints(this RouteGroupBuilder api)
    {
        var provisions = api.MapGroup("/course-provides").RequireAuthorization(Roles.CompanySupervisor).WithTags("Course provision");
        provisions.MapPost("", RequestAsync).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Ask an institution to provide a published course to the company")
            .WithDescription("409 company-suspended while the platform has suspended the company, 409 institution-suspended while it has " +
                             "suspended the course's institution: neither makes new contracts.");
        provisions.MapGet("", ListAsync).WithSummary("The company's provisions, by state, newest change first");
        provisions.MapGet("/{id:guid}", GetAsync).WithSummary("One provision with its roster and history");
        provisions.MapPost("/{id:guid}/cancel", CancelAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Withdraw a request the institution has not answered");
        provisions.MapPut("/{id:guid}/roster", SubmitRosterAsync).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Submit (or, once registered, amend) the employees who take the course")
            .WithDescription("Only the company's own members, each once, at most the seats; every offending entry is named. Once registered, "
                             + "removals take effect at once and additions wait for the institution's approval as a pending amendment; a learner "
                             + "removed after making progress keeps holding a seat.");
        return api;
    }

    internal static async Task<Results<Created<ProvisionView>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        ProvisionRequest request, ClaimsPrincipal caller, CompanyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await MyCompany.FindAsync(db, caller, cancellationToken) is not { } company)
        {
            return CompanyEndpoints.NotASupervisor();
        }

        if (company.IsSuspended)
        {
            return Refused(NewContracts.CompanySuspended);
        }

        var errors = new Dictionary<string, string[]>();
        var begin = request.BeginDate!.Value;
        var end = request.EndDate!.Value;
        if (begin < KoreaTime.Today(clock))
        {
            errors["beginDate"] = ["The begin date cannot be in the past."];
        }

        var course = await db.CatalogCourses.AsNoTracking().SingleOrDefaultAsync(c => c.CourseId == request.CourseId, cancellationToken);
        if (course is null || course.State != "PUBLISHED")
        {
            errors["courseId"] = ["Only a published course can be requested."];
        }
        else if (await NewContracts.IsInstitutionSuspendedAsync(db, course.InstitutionId, cancellationToken))
        {
            return Refused(NewContracts.InstitutionSuspended);
        }
        else if (end.DayNumber - begin.DayNumber + 1 < course.PeriodDays)
        {
            errors["endDate"] = [$"The course takes {course.PeriodDays} days; the period must be at least that long."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var provision = CourseProvision.Request(new ProvisionTerms(company.Id, company.Name, course!.InstitutionId, course.InstitutionName,
            course.CourseId, course.Title, begin, end, request.Seats, request.Deposit?.Trim()), caller.GetUserId(), clock.GetUtcNow());
        db.Provisions.Add(provision);
        db.PublishOnSave(provision.ToEvent());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/company/v1/course-provides/{provision.Id}", ProvisionView.From(provision));
    }

    internal static async Task<Results<Ok<Paged<ProvisionSummary>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ProvisionQuery query, ClaimsPrincipal caller, CompanyDbContext db, CancellationToken cancellationToken)
    {
        if (await MyCompany.FindAsync(db, caller, cancellationToken) is not { } company)
        {
            return CompanyEndpoints.NotASupervisor();
        }

        var provisions = db.Provisions.AsNoTracking().Where(p => p.CompanyId == company.Id);
        if (query.State is { } state)
        {
            provisions = provisions.Where(p => p.State == state);
        }

        var total = await provisions.CountAsync(cancellationToken);
        var items = await provisions.OrderByDescending(p => p.UpdatedAt).Skip((query.Page - 1) * query.Size).Take(query.Size)
            .Select(p => new ProvisionSummary(p.Id, p.CourseId, p.CourseTitle, p.InstitutionName, p.BeginDate, p.EndDate, p.Seats, p.State))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<ProvisionSummary>(items, query.Page, query.Size, total));
    }

    internal static async Task<Results<Ok<ProvisionView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, CompanyDbContext db, CancellationToken cancellationToken) =>
        await OwnAsync(db, caller, id, cancellationToken) is { } provision
            ? TypedResults.Ok(ProvisionView.From(provision))
            : NotFound();

    internal static async Task<Results<Ok<ProvisionView>, ProblemHttpResult>> CancelAsync(
        Guid id, ClaimsPrincipal caller, CompanyDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await OwnAsync(db, caller, id, cancellationToken) is { } provision
            ? await ProvisionChanges.ApplyAsync(db, provision, p => p.Cancel(caller.GetUserId(), clock.GetUtcNow()), cancellationToken)
            : NotFound();

    internal static async Task<Results<Ok<ProvisionView>, ValidationProblem, ProblemHttpResult>> SubmitRosterAsync(
        Guid id, RosterRequest request, ClaimsPrincipal caller, CompanyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OwnAsync(db, caller, id, cancellationToken) is not { } provision)
        {
            return NotFound();
        }

        var userIds = request.UserIds!;
        // Hold the company row while checking membership: a member leaving at the same moment (which updates
        // that row) waits for this roster or is seen by it, never slips past it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.SqlQuery<Guid>($"SELECT id AS `Value` FROM companies WHERE id = {provision.CompanyId.ToString()} FOR UPDATE")
            .AnyAsync(cancellationToken);
        var members = await db.Members.Where(m => m.CompanyId == provision.CompanyId).Select(m => m.UserId).ToListAsync(cancellationToken);
        // An amendment's seat count depends on who already holds a seat; the seat rule names the overflow below.
        var errors = RosterRules.Check(userIds, members.ToHashSet(), provision.IsRegistered ? int.MaxValue : provision.Seats);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        Func<CourseProvision, ProvisionRefusal?> change = p => p.SubmitRoster(userIds, caller.GetUserId(), clock.GetUtcNow());
        if (provision.IsRegistered)
        {
            var progressed = (await db.LearnerProgress
                .Where(l => l.ProvisionId == provision.Id && (l.ProgressPercent > 0 || l.State == LearnerStates.Completed))
                .Select(l => l.UserId).ToListAsync(cancellationToken)).ToHashSet();
            var (refusal, overflow) = provision.AmendRoster(userIds, progressed, caller.GetUserId(), clock.GetUtcNow());
            if (overflow.Count > 0)
            {
                return TypedResults.ValidationProblem(OverflowErrors(userIds, overflow, provision.Seats));
            }
            change = _ => refusal;
        }

        var applied = await ProvisionChanges.ApplyAsync(db, provision, change, cancellationToken);
        if (applied.Result is Ok<ProvisionView>)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return applied.Result switch
        {
            Ok<ProvisionView> ok => ok,
            _ => (ProblemHttpResult)applied.Result,
        };
    }

    private static Dictionary<string, string[]> OverflowErrors(IReadOnlyList<Guid> userIds, IReadOnlyList<Guid> overflow, int seats)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["userIds"] = [$"The provision has {seats} seats, counting learners who left after making progress; {overflow.Count} additions do not fit."],
        };
        for (var i = 0; i < userIds.Count; i++)
        {
            if (overflow.Contains(userIds[i]))
            {
                errors[$"userIds[{i}]"] = ["No seat is left for this person."];
            }
        }
        return errors;
    }

    // Another company's provision is indistinguishable from one that does not exist.
    internal static async Task<CourseProvision?> OwnAsync(CompanyDbContext db, ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var companyId = await db.Members.Where(m => m.UserId == userId && m.Role == Lms.Contracts.Memberships.CompanyMemberRoles.Supervisor)
            .Select(m => (Guid?)m.CompanyId).SingleOrDefaultAsync(cancellationToken);
        return companyId is null ? null : await db.Provisions.SingleOrDefaultAsync(p => p.Id == id && p.CompanyId == companyId, cancellationToken);
    }

    internal static ProblemHttpResult NotFound() => Problems.NotFound("The course provision does not exist.");

    private static ProblemHttpResult Refused(ProvisionRefusal refusal) => Problems.Conflict(refusal.Type, refusal.Title);
}

/// <summary>The roster rule: the company's own members, each once, at most the seats.</summary>
public static class RosterRules
{
    public static Dictionary<string, string[]> Check(IReadOnlyList<Guid> userIds, IReadOnlySet<Guid> members, int seats)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var seen = new HashSet<Guid>();
        for (var i = 0; i < userIds.Count; i++)
        {
            if (!seen.Add(userIds[i]))
            {
                errors[$"userIds[{i}]"] = ["This person is listed twice."];
            }
            else if (!members.Contains(userIds[i]))
            {
                errors[$"userIds[{i}]"] = ["This person is not a member of your company."];
            }
        }

        if (userIds.Count > seats)
        {
            errors["userIds"] = [$"The provision has {seats} seats; {userIds.Count} people were listed."];
            // The people beyond the seats, in the order sent, so a roster editor can mark whom to take off.
            for (var i = seats; i < userIds.Count; i++)
            {
                errors.TryAdd($"userIds[{i}]", ["No seat is left for this person."]);
            }
        }
        return errors;
    }
}

/// <summary>Applies a transition, publishes the new snapshot, saves under the row version.</summary>
public static class ProvisionChanges
{
    public static async Task<Results<Ok<ProvisionView>, ProblemHttpResult>> ApplyAsync(
        CompanyDbContext db, CourseProvision provision, Func<CourseProvision, ProvisionRefusal?> transition, CancellationToken cancellationToken)
    {
        if (transition(provision) is { } refusal)
        {
            return StateConflict(refusal.Title, provision.State);
        }

        ProvisionChanges.Publish(db, provision);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else moved it first; say where it is now.
            var current = await db.Provisions.AsNoTracking().Where(p => p.Id == provision.Id).Select(p => p.State).SingleAsync(cancellationToken);
            return StateConflict("The provision changed at the same time.", current);
        }

        return TypedResults.Ok(ProvisionView.From(provision));
    }

    /// <summary>The snapshot every copy follows and, once registered, the amendment the institution decides on.</summary>
    public static void Publish(CompanyDbContext db, CourseProvision provision)
    {
        db.PublishOnSave(provision.ToEvent());
        if (provision.IsRegistered || provision.ConsumedSeats.Count > 0)
        {
            db.PublishOnSave(provision.ToAmendmentEvent());
        }
    }

    private static ProblemHttpResult StateConflict(string title, string state) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: title, type: Problems.TypeBase + "provision-state",
        extensions: new Dictionary<string, object?> { ["state"] = state });
}
