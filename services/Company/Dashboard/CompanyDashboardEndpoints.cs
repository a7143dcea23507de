using System.Globalization;
using System.Security.Claims;
using Lms.Company.Companies;
using Lms.Company.Data;
using Lms.Company.Learning;
using Lms.Company.Provisions;
using Lms.Contracts.Memberships;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Company.Dashboard;

/// <summary>
/// The company's dashboard and training-records report, for its own supervisors. Per-provision numbers are read from
/// the learner counters (one row per provision); the per-employee table is paged in JSON and streamed whole as CSV.
/// </summary>
public static class CompanyDashboardEndpoints
{
    public static RouteGroupBuilder MapCompanyDashboardEndpoints(this RouteGroupBuilder api)
    {
        var dashboard = api.MapGroup("/dashboard").RequireAuthorization(Roles.CompanySupervisor).WithTags("Company dashboard");
        dashboard.MapGet("/", DashboardAsync)
            .WithSummary("Employees, provisions by state, company-wide completion, each provision's numbers and each employee's progress")
            .WithDescription("learnerProgress is paged (?page=1&size=20, size ≤ 100); ?format=csv downloads every employee's line at once.");
        dashboard.MapGet("/training-records", TrainingRecordsAsync)
            .WithSummary("The training-records report of one of the company's provisions: one line per learner")
            .WithDescription("Evaluation score is the mean of each exam's best score; live attendance is empty until the live service reports it.");
        // Outside the supervisors' group: its policy and this one would both have to hold, and no token has both roles.
        api.MapPost("/dashboard/rebuild", RebuildAsync).RequireAuthorization(Roles.Admin).WithTags("Company dashboard")
            .WithSummary("Recompute the learner counters from the learner rows (platform operators only)");
        return api;
    }

    internal static async Task<Results<Ok<CompanyDashboard>, CsvFile<EmployeeProgressRow>, ValidationProblem, ProblemHttpResult>> DashboardAsync(
        string? format, int? page, int? size, ClaimsPrincipal caller, CompanyDbContext db, CancellationToken cancellationToken)
    {
        if (!ReportFormat.TryParse(format, out var csv))
        {
            return ReportFormat.Invalid();
        }
        if (page is < 1)
        {
            return Problems.Invalid("page", "page must be 1 or more.");
        }
        if (size is < 1 or > 100)
        {
            return Problems.Invalid("size", "size must be from 1 to 100.");
        }
        if (await SupervisedCompanyAsync(db, caller, cancellationToken) is not { } companyId)
        {
            return Problems.NotFound("You do not supervise a company.");
        }

        var learners = EmployeeRows(db, companyId);
        if (csv)
        {
            return new CsvFile<EmployeeProgressRow>("사원별_학습현황.csv", "employee-progress.csv", EmployeeColumns, learners.AsAsyncEnumerable());
        }

        var employees = await db.Members.CountAsync(m => m.CompanyId == companyId && m.Role == CompanyMemberRoles.Employee, cancellationToken);
        var byState = await db.Provisions.AsNoTracking().Where(p => p.CompanyId == companyId).GroupBy(p => p.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var provisions = await (
                from p in db.Provisions.AsNoTracking()
                where p.CompanyId == companyId
                join t in db.ProvisionLearningTotals.AsNoTracking() on p.Id equals t.ProvisionId into totals
                from t in totals.DefaultIfEmpty()
                orderby p.BeginDate descending, p.Id
                select new { Provision = p, Totals = t })
            .ToListAsync(cancellationToken);
        var rows = provisions.Select(x =>
        {
            var t = x.Totals ?? new ProvisionLearningTotals(x.Provision.Id);
            return new CompanyProvisionRow(x.Provision.Id, x.Provision.CourseId, x.Provision.CourseTitle, x.Provision.InstitutionName, x.Provision.State,
                x.Provision.BeginDate, x.Provision.EndDate, x.Provision.Seats, t.Learners, t.Completed, Rate(t.Completed, t.Learners),
                Average(t.ProgressSum, t.Learners), t.Scored == 0 ? null : Average(t.ScoreSum, t.Scored), t.Attended == 0 ? null : Average(t.AttendanceSum, t.Attended));
        }).ToList();
        var (totalLearners, totalActive, totalCompleted) = (rows.Sum(r => r.Learners), provisions.Sum(x => x.Totals?.Active ?? 0), rows.Sum(r => r.Completed));
        var progressSum = provisions.Sum(x => x.Totals?.ProgressSum ?? 0);
        var (pageNumber, pageSize) = (page ?? 1, size ?? 20);
        var total = await learners.CountAsync(cancellationToken);
        var items = await learners.Skip((pageNumber - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new CompanyDashboard(employees, byState, totalLearners, totalActive, totalCompleted, Rate(totalCompleted, totalLearners),
            Average(progressSum, totalLearners), rows, new Paged<EmployeeProgressRow>(items, pageNumber, pageSize, total)));
    }

    internal static async Task<Results<Ok<CompanyTrainingRecords>, CsvFile<CompanyTrainingRecordRow>, ValidationProblem, ProblemHttpResult>> TrainingRecordsAsync(
        string? courseProvideId, string? format, ClaimsPrincipal caller, CompanyDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(courseProvideId, out var id))
        {
            return Problems.Invalid("courseProvideId", "courseProvideId must be the id of one of your course provisions.");
        }
        if (!ReportFormat.TryParse(format, out var csv))
        {
            return ReportFormat.Invalid();
        }
        if (await ProvisionEndpoints.OwnAsync(db, caller, id, cancellationToken) is not { } provision)
        {
            return ProvisionEndpoints.NotFound();
        }

        var (company, course, institution, begin, end) = (provision.CompanyName, provision.CourseTitle, provision.InstitutionName, provision.BeginDate, provision.EndDate);
        var rows = (
                from progress in db.LearnerProgress.AsNoTracking()
                where progress.ProvisionId == id
                join user in db.Users.AsNoTracking() on progress.UserId equals user.Id into users
                from user in users.DefaultIfEmpty()
                orderby user!.Name, progress.EnrollmentId
                select new CompanyTrainingRecordRow(progress.EnrollmentId, progress.UserId, company, user == null ? string.Empty : user.Name,
                    user == null ? string.Empty : user.Email, course, institution, begin, end, progress.State, progress.ProgressPercent, progress.EvaluationScore,
                    progress.AttendanceRate, progress.State == LearnerStates.Completed, progress.CompletedAt, progress.CertificateSerial))
            .AsAsyncEnumerable();
        return csv
            ? new CsvFile<CompanyTrainingRecordRow>($"훈련기록_{course}_{company}.csv", "training-records.csv", TrainingRecordColumns, rows)
            : TypedResults.Ok(new CompanyTrainingRecords(id, await rows.ToListAsync(cancellationToken)));
    }

    internal static async Task<Ok<CompanyDashboardRebuilt>> RebuildAsync(CompanyDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CompanyDashboardRebuild.RunAsync(db, cancellationToken));

    private static Task<Guid?> SupervisedCompanyAsync(CompanyDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        return db.Members.Where(m => m.UserId == userId && m.Role == CompanyMemberRoles.Supervisor)
            .Select(m => (Guid?)m.CompanyId).SingleOrDefaultAsync(cancellationToken);
    }

    private static IQueryable<EmployeeProgressRow> EmployeeRows(CompanyDbContext db, Guid companyId) =>
        from progress in db.LearnerProgress.AsNoTracking()
        join provision in db.Provisions.AsNoTracking() on progress.ProvisionId equals provision.Id
        where provision.CompanyId == companyId
        join user in db.Users.AsNoTracking() on progress.UserId equals user.Id into users
        from user in users.DefaultIfEmpty()
        orderby user!.Name, provision.BeginDate, progress.EnrollmentId
        select new EmployeeProgressRow(progress.EnrollmentId, progress.UserId, user == null ? string.Empty : user.Name, user == null ? string.Empty : user.Email,
            provision.Id, provision.CourseTitle, progress.State, progress.ProgressPercent, progress.EvaluationScore, progress.AttendanceRate,
            progress.State == LearnerStates.Completed, progress.CompletedAt, progress.CertificateSerial);

    private static decimal Rate(int part, int whole) => whole == 0 ? 0 : Math.Round(part * 100m / whole, 2);

    private static decimal Average(decimal sum, int count) => count == 0 ? 0 : Math.Round(sum / count, 2);

    private static readonly IReadOnlyList<CsvColumn<EmployeeProgressRow>> EmployeeColumns =
    [
        new("성명", r => r.Name),
        new("이메일", r => r.Email),
        new("과정명", r => r.CourseTitle),
        new("상태", r => r.State),
        new("진도율(%)", r => ReportFormat.Number(r.ProgressPercent)),
        new("평가 점수", r => ReportFormat.Number(r.EvaluationScore)),
        new("실시간 출석률(%)", r => ReportFormat.Number(r.AttendanceRate)),
        new("수료 여부", r => r.Completed ? "수료" : "미수료"),
        new("수료일", r => ReportFormat.Date(r.CompletedAt)),
        new("수료증 번호", r => r.CertificateSerial),
    ];

    private static readonly IReadOnlyList<CsvColumn<CompanyTrainingRecordRow>> TrainingRecordColumns =
    [
        new("회사", r => r.CompanyName),
        new("성명", r => r.Name),
        new("이메일", r => r.Email),
        new("과정명", r => r.CourseTitle),
        new("훈련기관", r => r.InstitutionName),
        new("훈련 시작일", r => ReportFormat.Date(r.BeginDate)),
        new("훈련 종료일", r => ReportFormat.Date(r.EndDate)),
        new("진도율(%)", r => ReportFormat.Number(r.ProgressPercent)),
        new("평가 점수", r => ReportFormat.Number(r.EvaluationScore)),
        new("실시간 출석률(%)", r => ReportFormat.Number(r.AttendanceRate)),
        new("수료 여부", r => r.Completed ? "수료" : "미수료"),
        new("수료일", r => ReportFormat.Date(r.CompletedAt)),
        new("수료증 번호", r => r.CertificateSerial),
    ];
}
