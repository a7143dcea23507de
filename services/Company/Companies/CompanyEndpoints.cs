using System.Security.Claims;
using Lms.Company.Data;
using Lms.Company.Invitations;
using Lms.Company.Members;
using Lms.Contracts.Companies;
using Lms.Contracts.Memberships;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Company.Companies;

public static class CompanyEndpoints
{
    public static RouteGroupBuilder MapCompanyEndpoints(this RouteGroupBuilder api)
    {
        var companies = api.MapGroup("/companies").WithTags("Companies");
        companies.MapPost("", CreateAsync).ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Roles.Visitor)
            .WithSummary("Register a company; the caller becomes its first supervisor");
        companies.MapGet("", SearchAsync).RequireAuthorization().WithSummary("Find a company by name to join it");
        companies.MapGet("/email-check", EmailCheckAsync).RequireAuthorization()
            .WithSummary("Whether an email's domain belongs to a company");
        companies.MapPost("/{id:guid}/join", JoinAsync).ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Roles.Visitor)
            .WithSummary("Join as an employee, by the confirmed account email's domain or by an invitation code");
        companies.MapGet("/mine", GetMineAsync).RequireAuthorization(Roles.CompanySupervisor).WithSummary("The caller's company with its members");
        companies.MapPut("/mine", UpdateMineAsync).ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Roles.CompanySupervisor).WithSummary("Change the caller's company");
        return api;
    }

    internal static async Task<Results<Created<CompanyResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CompanyRequest request, ClaimsPrincipal caller, CompanyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        if (await db.Members.AnyAsync(m => m.UserId == userId, cancellationToken))
        {
            return AlreadyAMember();
        }

        var details = request.ToDetails();
        if (!Company.Proves(caller.FindFirstValue(LmsClaims.Email), details.EmailDomain))
        {
            return DomainNotProven();
        }
        if (await IsTakenAsync(db, details, null, cancellationToken))
        {
            return Taken();
        }

        var now = clock.GetUtcNow();
        var company = Company.Register(details, userId, now);
        db.Companies.Add(company);
        db.PublishOnSave(new CompanyMemberJoined(company.Id, userId, CompanyMemberRoles.Supervisor, now));
        db.PublishOnSave(new CompanyProfileChanged(company.Id, company.Name, company.EmailDomain, company.Version, now));
        return await SaveAsync(db, cancellationToken) is { } problem
            ? problem
            : TypedResults.Created($"/company/v1/companies/{company.Id}", ToResponse(company));
    }

    internal static async Task<Ok<Paged<CompanySearchItem>>> SearchAsync([AsParameters] CompanySearchQuery query, CompanyDbContext db, CancellationToken cancellationToken)
    {
        var companies = db.Companies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            companies = companies.Where(c => c.Name.Contains(text) || c.EmailDomain.Contains(text));
        }

        var total = await companies.CountAsync(cancellationToken);
        var items = await companies.OrderBy(c => c.Name).Skip((query.Page - 1) * query.Size).Take(query.Size)
            .Select(c => new CompanySearchItem(c.Id, c.Name, c.EmailDomain)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<CompanySearchItem>(items, query.Page, query.Size, total));
    }

    internal static async Task<Ok<EmailCheckResponse>> EmailCheckAsync([AsParameters] EmailCheckQuery query, CompanyDbContext db, CancellationToken cancellationToken)
    {
        var domain = query.Email.Split('@')[^1].Trim().ToLowerInvariant();
        var company = await db.Companies.AsNoTracking().Where(c => c.EmailDomain == domain && c.DomainProvenAt != null)
            .Select(c => new { c.Id, c.Name }).SingleOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new EmailCheckResponse(company is not null, company?.Id, company?.Name));
    }

    internal static async Task<Results<Ok<MemberView>, ValidationProblem, ProblemHttpResult>> JoinAsync(
        Guid id, JoinRequest request, ClaimsPrincipal caller, CompanyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        // Only the account's email counts: identity confirmed it, and it is in the token.
        var accountEmail = caller.FindFirstValue(LmsClaims.Email);
        if (request.WorkEmail is not null && !string.Equals(request.WorkEmail.Trim(), accountEmail, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["workEmail"] = ["Only your confirmed account email counts; sign up with your work email to join by it."],
            });
        }

        if (await db.Companies.Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } company)
        {
            return Problems.NotFound("The company does not exist.");
        }

        if (await db.Members.AnyAsync(m => m.UserId == userId, cancellationToken))
        {
            return AlreadyAMember();
        }

        var now = clock.GetUtcNow();
        if (request.InvitationCode is { Length: > 0 } code)
        {
            var hash = Invitation.Hash(code);
            var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.CompanyId == id && i.CodeHash == hash, cancellationToken);
            if (invitation is null || !invitation.IsUsableBy(accountEmail, now))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["invitationCode"] = ["The code is not valid for your account: wrong, used, expired, or sent to another email."],
                });
            }
            invitation.Use(userId, now);
        }
        else if (!company.OwnsEmail(accountEmail))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: Problems.TypeBase + "email-domain-mismatch",
                title: "Your confirmed email is not at this company's domain. Ask a supervisor for an invitation.");
        }

        var member = company.Join(userId, now);
        db.PublishOnSave(new CompanyMemberJoined(company.Id, userId, member.Role, now));
        if (await SaveAsync(db, cancellationToken) is { } problem)
        {
            return problem;
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return TypedResults.Ok(new MemberView(userId, user?.Name, user?.Email ?? accountEmail, member.Role, member.JoinedAt));
    }

    internal static async Task<Results<Ok<CompanyResponse>, ProblemHttpResult>> GetMineAsync(
        ClaimsPrincipal caller, CompanyDbContext db, CancellationToken cancellationToken)
    {
        if (await MyCompany.FindAsync(db, caller, cancellationToken) is not { } company)
        {
            return NotASupervisor();
        }

        var members = await MemberViews.OfAsync(db, company.Id, cancellationToken);
        return TypedResults.Ok(ToResponse(company) with { Members = members });
    }

    internal static async Task<Results<Ok<CompanyResponse>, ValidationProblem, ProblemHttpResult>> UpdateMineAsync(
        CompanyRequest request, ClaimsPrincipal caller, CompanyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await MyCompany.FindAsync(db, caller, cancellationToken) is not { } company)
        {
            return NotASupervisor();
        }

        var details = request.ToDetails();
        if (!Company.Proves(caller.FindFirstValue(LmsClaims.Email), details.EmailDomain))
        {
            return DomainNotProven();
        }
        if (await IsTakenAsync(db, details, company.Id, cancellationToken))
        {
            return Taken();
        }

        company.Update(details, clock.GetUtcNow());
        db.PublishOnSave(new CompanyProfileChanged(company.Id, company.Name, company.EmailDomain, company.Version, clock.GetUtcNow()));
        return await SaveAsync(db, cancellationToken) is { } problem ? problem : TypedResults.Ok(ToResponse(company));
    }

    internal static Task<ProblemHttpResult?> SaveAsync(CompanyDbContext db, CancellationToken cancellationToken) =>
        db.SaveOrConflictAsync("unique-conflict", "This business number or email domain, or this person's membership, exists already.", cancellationToken);

    private static Task<bool> IsTakenAsync(CompanyDbContext db, CompanyDetails details, Guid? except, CancellationToken cancellationToken)
    {
        var domain = details.EmailDomain.Trim().ToLowerInvariant();
        return db.Companies.AnyAsync(c => c.Id != except && (c.BusinessNumber == details.BusinessNumber || c.EmailDomain == domain), cancellationToken);
    }

    private static CompanyResponse ToResponse(Company c) =>
        new(c.Id, c.Name, c.OwnerName, c.BusinessNumber, c.EmailDomain, c.Phone, c.Address, c.CreatedAt, c.SuspendedAt);

    // Proof of a domain is an address at it that identity confirmed: a company cannot claim employees it cannot reach.
    private static ValidationProblem DomainNotProven() => Problems.Invalid("emailDomain",
        "Your confirmed account email must be at this domain. Sign up with your work email to register or change the company's domain.");

    private static ProblemHttpResult Taken() =>
        Problems.Conflict("company-exists", "A company with this business number or email domain exists.");

    private static ProblemHttpResult AlreadyAMember() =>
        Problems.Conflict("already-a-member", "You already belong to a company; leave it first.");

    internal static ProblemHttpResult NotASupervisor() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "You are not a supervisor of a company.", type: Problems.TypeBase + "not-a-supervisor");
}
