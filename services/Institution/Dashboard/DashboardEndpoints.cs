using System.Security.Claims;
using Lms.Contracts.Provisions;
using Lms.Institution.Data;
using Lms.Institution.Institutions;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Dashboard;

/// <summary>
/// The institution's dashboards, for its own managers. Every number about enrollments is read from the
/// pre-aggregated counters (the institution's row, its month × company or month × course rows, or a few rows per
/// provision), never from the enrollments themselves; courses and
/// provisions come from this service's own tables. Every table also answers <c>?format=csv</c>.
/// </summary>
public static class DashboardEndpoints
{
    private static readonly string[] RunningStates = [ProvisionStates.Registered, ProvisionStates.InProgress];

    private static readonly string[] TeachingStates = [ProvisionStates.Registered, ProvisionStates.InProgress, ProvisionStates.Finished];

    private static readonly string[] ContractedStates =
        [ProvisionStates.Accepted, ProvisionStates.RosterSubmitted, ProvisionStates.Registered, ProvisionStates.InProgress, ProvisionStates.Finished];

    public static RouteGroupBuilder MapDashboardEndpoints(this RouteGroupBuilder api)
    {
        var dashboard = api.MapGroup("/dashboard").RequireAuthorization(Roles.InstitutionManager).WithTags("Institution dashboard");
        dashboard.MapGet("/summary", SummaryAsync).WithSummary("Courses, running provisions, enrollments, completion rate and average rating");
        dashboard.MapGet("/monthly", MonthlyAsync).WithSummary("Per month of a year: companies and learners that began, courses taught")
            .WithDescription("Learners are enrollments that began in the month (Korea time); companies are those they belong to; active courses are courses with a registered, running or finished provision overlapping the month.");
        dashboard.MapGet("/quarterly", QuarterlyAsync).WithSummary("The monthly figures by quarter of a year");
        dashboard.MapGet("/popular-courses", PopularCoursesAsync).WithSummary("The ten courses with the most enrollments beginning in a month (YYYY-MM)");
        dashboard.MapGet("/attendance", AttendanceAsync).WithSummary("Per company, for one course: learners, completion, progress and live attendance");
        dashboard.MapGet("/companies", CompaniesAsync).WithSummary("Contracted companies: provisions, seats, learners and completion");
        dashboard.MapGet("/course-provides", RunningProvisionsAsync).WithSummary("Registered and running provisions with their learners and progress");
        dashboard.MapGet("/ratings", RatingsAsync).WithSummary("Average rating, count, distribution 1–5, per course, and the newest comments");
        dashboard.MapGet("/training-records", TrainingRecordsAsync)
            .WithSummary("The training-records report of one provision (사업주훈련): one line per learner")
            .WithDescription("Company, learner, course, period, progress, evaluation score (mean of each exam's best score), live attendance rate, 수료/미수료, completion date and certificate serial.");
        DashboardRebuild.Map(api);
        return api;
    }

    internal static async Task<Results<Ok<DashboardSummary>, CsvFile<DashboardSummary>, ValidationProblem, ProblemHttpResult>> SummaryAsync(
        string? format, ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (!ReportFormat.TryParse(format, out var csv))
        {
            return ReportFormat.Invalid();
        }
        if (await ManagedInstitution.IdAsync(db, caller, cancellationToken) is not { } institutionId)
        {
            return Problems.NotFound("You do not manage an institution.");
        }

        var courses = await db.Courses.CountAsync(c => c.InstitutionId == institutionId, cancellationToken);
        var running = await db.Provisions.CountAsync(p => p.InstitutionId == institutionId && RunningStates.Contains(p.State), cancellationToken);
        var totals = await db.InstitutionTotals.AsNoTracking().Where(t => t.InstitutionId == institutionId)
            .Select(t => new { t.Enrollments, t.Active, t.Completed })
            .SingleOrDefaultAsync(cancellationToken);
        var ratings = await db.CourseRatings.Where(r => r.InstitutionId == institutionId)
            .GroupBy(r => 1)
            .Select(g => new { Count = g.Sum(r => r.Ratings), Sum = g.Sum(r => r.StarsSum) })
            .SingleOrDefaultAsync(cancellationToken);
        var (enrollments, active, completed) = (totals?.Enrollments ?? 0, totals?.Active ?? 0, totals?.Completed ?? 0);
        var summary = new DashboardSummary(courses, running, enrollments, active, completed, DashboardInput.Rate(completed, active + completed),
            DashboardInput.AverageOrNull(ratings?.Sum ?? 0, ratings?.Count ?? 0), ratings?.Count ?? 0);
        return csv ? DashboardCsv.Summary(summary) : TypedResults.Ok(summary);
    }

    internal static async Task<Results<Ok<DashboardTable<MonthlyRow>>, CsvFile<MonthlyRow>, ValidationProblem, ProblemHttpResult>> MonthlyAsync(
        string? year, string? format, ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (!DashboardInput.TryYear(year, out var y))
        {
            return Problems.Invalid("year", $"year must be a year from {DashboardInput.FirstYear} to {DashboardInput.LastYear}.");
        }
        if (!ReportFormat.TryParse(format, out var csv))
        {
            return ReportFormat.Invalid();
        }
        if (await ManagedInstitution.IdAsync(db, caller, cancellationToken) is not { } institutionId)
        {
            return Problems.NotFound("You do not manage an institution.");
        }

        var periods = Enumerable.Range(1, 12).Select(m => (First: (y * 100) + m, Last: (y * 100) + m)).ToList();
        var figures = await PeriodFiguresAsync(db, institutionId, y, periods, cancellationToken);
        var rows = figures.Select(f => new MonthlyRow(DashboardInput.MonthText(f.First), f.Companies, f.Learners, f.ActiveCourses)).ToList();
        return csv ? DashboardCsv.Monthly(rows, y) : TypedResults.Ok(new DashboardTable<MonthlyRow>(rows));
    }

    internal static async Task<Results<Ok<DashboardTable<QuarterlyRow>>, CsvFile<QuarterlyRow>, ValidationProblem, ProblemHttpResult>> QuarterlyAsync(
        string? year, string? format, ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (!DashboardInput.TryYear(year, out var y))
        {
            return Problems.Invalid("year", $"year must be a year from {DashboardInput.FirstYear} to {DashboardInput.LastYear}.");
        }
        if (!ReportFormat.TryParse(format, out var csv))
        {
            return ReportFormat.Invalid();
        }
        if (await ManagedInstitution.IdAsync(db, caller, cancellationToken) is not { } institutionId)
        {
            return Problems.NotFound("You do not manage an institution.");
        }

        var periods = Enumerable.Range(0, 4).Select(q => (First: (y * 100) + (q * 3) + 1, Last: (y * 100) + (q * 3) + 3)).ToList();
        var figures = await PeriodFiguresAsync(db, institutionId, y, periods, cancellationToken);
        var rows = figures.Select((f, i) => new QuarterlyRow(i + 1, f.Companies, f.Learners, f.ActiveCourses)).ToList();
        return csv ? DashboardCsv.Quarterly(rows, y) : TypedResults.Ok(new DashboardTable<QuarterlyRow>(rows));
    }

    internal static async Task<Results<Ok<DashboardTable<PopularCourseRow>>, CsvFile<PopularCourseRow>, ValidationProblem, ProblemHttpResult>> PopularCoursesAsync(
        string? month, string? format, ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (!DashboardInput.TryMonth(month, out var m))
        {
            return Problems.Invalid("month", "month must be YYYY-MM with a month from 01 to 12.");
        }
        if (!ReportFormat.TryParse(format, out var csv))
        {
            return ReportFormat.Invalid();
        }
        if (await ManagedInstitution.IdAsync(db, caller, cancellationToken) is not { } institutionId)
        {
            return Problems.NotFound("You do not manage an institution.");
        }

        var top = await db.MonthCourses.AsNoTracking().Where(t => t.InstitutionId == institutionId && t.Month == m && t.Enrollments > 0)
            .OrderByDescending(c => c.Enrollments).ThenBy(c => c.CourseId).Take(10)
            .Select(t => new { t.CourseId, t.Enrollments, t.Completed })
            .ToListAsync(cancellationToken);
        var ids = top.Select(t => t.CourseId).ToList();
        var titles = await db.Courses.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        var ratings = await db.CourseRatings.AsNoTracking().Where(r => ids.Contains(r.CourseId)).ToDictionaryAsync(r => r.CourseId, cancellationToken);
        var rows = top.Select((t, i) => new PopularCourseRow(i + 1, t.CourseId, titles.GetValueOrDefault(t.CourseId, string.Empty), t.Enrollments, t.Completed,
            ratings.TryGetValue(t.CourseId, out var r) ? DashboardInput.AverageOrNull(r.StarsSum, r.Ratings) : null)).ToList();
        return csv ? DashboardCsv.Popular(rows, month!) : TypedResults.Ok(new DashboardTable<PopularCourseRow>(rows));
    }

    internal static async Task<Results<Ok<DashboardTable<CompanyAttendanceRow>>, CsvFile<CompanyAttendanceRow>, ValidationProblem, ProblemHttpResult>> AttendanceAsync(
        string? courseId, string? format, ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(courseId, out var id))
        {
            return Problems.Invalid("courseId", "courseId must be the id of one of your courses.");
        }
        if (!ReportFormat.TryParse(format, out var csv))
        {
            return ReportFormat.Invalid();
        }
        if (await ManagedInstitution.IdAsync(db, caller, cancellationToken) is not { } institutionId)
        {
            return Problems.NotFound("You do not manage an institution.");
        }
        var course = await db.Courses.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.InstitutionId, c.Title }).SingleOrDefaultAsync(cancellationToken);
        if (course is null)
        {
            return Problems.Invalid("courseId", "No course has this id.");
        }
        if (course.InstitutionId != institutionId)
        {
            return Problems.NotFound("The course does not exist.");
        }

        var byCompany = await db.ProvisionMonths.AsNoTracking().Where(t => t.InstitutionId == institutionId && t.CourseId == id)
            .GroupBy(t => t.CompanyId)
            .Select(g => new
            {
                CompanyId = g.Key,
                Learners = g.Sum(t => t.Enrollments - t.Cancelled),
                Completed = g.Sum(t => t.Completed),
                Progress = g.Sum(t => t.ProgressSum),
                Attended = g.Sum(t => t.Attended),
                Attendance = g.Sum(t => t.AttendanceSum),
            })
            .ToListAsync(cancellationToken);
        var names = await CompanyNamesAsync(db, institutionId, cancellationToken);
        var rows = byCompany
            .Select(c => new CompanyAttendanceRow(c.CompanyId, names.GetValueOrDefault(c.CompanyId, string.Empty), c.Learners, c.Completed,
                DashboardInput.Rate(c.Completed, c.Learners), DashboardInput.Average(c.Progress, c.Learners), DashboardInput.AverageOrNull(c.Attendance, c.Attended)))
            .OrderBy(r => r.CompanyName, StringComparer.Ordinal).ToList();
        return csv ? DashboardCsv.Attendance(rows, course.Title) : TypedResults.Ok(new DashboardTable<CompanyAttendanceRow>(rows));
    }

    internal static async Task<Results<Ok<DashboardTable<ContractedCompanyRow>>, CsvFile<ContractedCompanyRow>, ValidationProblem, ProblemHttpResult>> CompaniesAsync(
        string? format, ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (!ReportFormat.TryParse(format, out var csv))
        {
            return ReportFormat.Invalid();
        }
        if (await ManagedInstitution.IdAsync(db, caller, cancellationToken) is not { } institutionId)
        {
            return Problems.NotFound("You do not manage an institution.");
        }

        var contracts = await db.Provisions.AsNoTracking().Where(p => p.InstitutionId == institutionId && ContractedStates.Contains(p.State))
            .GroupBy(p => p.CompanyId)
            .Select(g => new { CompanyId = g.Key, Provisions = g.Count(), Seats = g.Sum(p => p.Seats) })
            .ToListAsync(cancellationToken);
        var learners = await db.MonthCompanies.AsNoTracking().Where(t => t.InstitutionId == institutionId)
            .GroupBy(t => t.CompanyId)
            .Select(g => new { CompanyId = g.Key, Learners = g.Sum(t => t.Enrollments - t.Cancelled), Completed = g.Sum(t => t.Completed) })
            .ToDictionaryAsync(c => c.CompanyId, cancellationToken);
        var names = await CompanyNamesAsync(db, institutionId, cancellationToken);
        var rows = contracts
            .Select(c =>
            {
                var (taking, done) = learners.TryGetValue(c.CompanyId, out var l) ? (l.Learners, l.Completed) : (0, 0);
                return new ContractedCompanyRow(c.CompanyId, names.GetValueOrDefault(c.CompanyId, string.Empty), c.Provisions, c.Seats, taking, done,
                    DashboardInput.Rate(done, taking));
            })
            .OrderBy(r => r.CompanyName, StringComparer.Ordinal).ToList();
        return csv ? DashboardCsv.Companies(rows) : TypedResults.Ok(new DashboardTable<ContractedCompanyRow>(rows));
    }

    internal static async Task<Results<Ok<DashboardTable<RunningProvisionRow>>, CsvFile<RunningProvisionRow>, ValidationProblem, ProblemHttpResult>> RunningProvisionsAsync(
        string? format, ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (!ReportFormat.TryParse(format, out var csv))
        {
            return ReportFormat.Invalid();
        }
        if (await ManagedInstitution.IdAsync(db, caller, cancellationToken) is not { } institutionId)
        {
            return Problems.NotFound("You do not manage an institution.");
        }

        var provisions = await db.Provisions.AsNoTracking().Where(p => p.InstitutionId == institutionId && RunningStates.Contains(p.State))
            .Select(p => new { p.Id, p.CourseId, p.CourseTitle, p.CompanyId, p.CompanyName, p.BeginDate, p.EndDate, p.State, p.Seats })
            .ToListAsync(cancellationToken);
        var ids = provisions.Select(p => p.Id).ToList();
        var totals = await db.ProvisionMonths.AsNoTracking().Where(t => t.InstitutionId == institutionId && ids.Contains(t.ProvisionId))
            .GroupBy(t => t.ProvisionId)
            .Select(g => new { ProvisionId = g.Key, Learners = g.Sum(t => t.Enrollments - t.Cancelled), Completed = g.Sum(t => t.Completed), Progress = g.Sum(t => t.ProgressSum) })
            .ToDictionaryAsync(t => t.ProvisionId, cancellationToken);
        var rows = provisions
            .Select(p =>
            {
                var t = totals.GetValueOrDefault(p.Id);
                var learners = t?.Learners ?? 0;
                return new RunningProvisionRow(p.Id, p.CourseId, p.CourseTitle, p.CompanyId, p.CompanyName, p.BeginDate, p.EndDate, p.State, p.Seats,
                    learners, t?.Completed ?? 0, DashboardInput.Average(t?.Progress ?? 0, learners));
            })
            .OrderBy(r => r.BeginDate).ThenBy(r => r.CourseTitle, StringComparer.Ordinal).ToList();
        return csv ? DashboardCsv.RunningProvisions(rows) : TypedResults.Ok(new DashboardTable<RunningProvisionRow>(rows));
    }

    internal static async Task<Results<Ok<RatingsView>, CsvFile<CourseRatingRow>, ValidationProblem, ProblemHttpResult>> RatingsAsync(
        string? format, ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (!ReportFormat.TryParse(format, out var csv))
        {
            return ReportFormat.Invalid();
        }
        if (await ManagedInstitution.IdAsync(db, caller, cancellationToken) is not { } institutionId)
        {
            return Problems.NotFound("You do not manage an institution.");
        }

        var perCourse = await db.CourseRatings.AsNoTracking().Where(r => r.InstitutionId == institutionId && r.Ratings > 0).ToListAsync(cancellationToken);
        var ids = perCourse.Select(r => r.CourseId).ToList();
        var titles = await db.Courses.AsNoTracking().Where(c => c.InstitutionId == institutionId).ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        var courses = perCourse
            .Select(r => new CourseRatingRow(r.CourseId, titles.GetValueOrDefault(r.CourseId, string.Empty), DashboardInput.AverageOrNull(r.StarsSum, r.Ratings),
                r.Ratings, r.Stars1, r.Stars2, r.Stars3, r.Stars4, r.Stars5))
            .OrderByDescending(r => r.Count).ThenBy(r => r.CourseTitle, StringComparer.Ordinal).ToList();
        if (csv)
        {
            return DashboardCsv.Ratings(courses);
        }

        var comments = await db.EnrollmentRecords.AsNoTracking()
            .Where(e => e.InstitutionId == institutionId && e.RatedAt != null && e.RatingComment != null)
            .OrderByDescending(e => e.RatedAt).Take(10)
            .Select(e => new { e.CourseId, Stars = e.RatingStars ?? 0, Comment = e.RatingComment!, RatedAt = e.RatedAt!.Value })
            .ToListAsync(cancellationToken);
        var count = perCourse.Sum(r => r.Ratings);
        var distribution = new Dictionary<string, int>
        {
            ["1"] = perCourse.Sum(r => r.Stars1),
            ["2"] = perCourse.Sum(r => r.Stars2),
            ["3"] = perCourse.Sum(r => r.Stars3),
            ["4"] = perCourse.Sum(r => r.Stars4),
            ["5"] = perCourse.Sum(r => r.Stars5),
        };
        return TypedResults.Ok(new RatingsView(DashboardInput.AverageOrNull(perCourse.Sum(r => r.StarsSum), count), count, distribution, courses,
            [.. comments.Select(c => new RatingComment(c.CourseId, titles.GetValueOrDefault(c.CourseId, string.Empty), c.Stars, c.Comment, c.RatedAt))]));
    }

    internal static async Task<Results<Ok<TrainingRecords>, CsvFile<TrainingRecordRow>, ValidationProblem, ProblemHttpResult>> TrainingRecordsAsync(
        string? courseProvideId, string? format, ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(courseProvideId, out var id))
        {
            return Problems.Invalid("courseProvideId", "courseProvideId must be the id of one of your course provisions.");
        }
        if (!ReportFormat.TryParse(format, out var csv))
        {
            return ReportFormat.Invalid();
        }
        if (await ManagedInstitution.IdAsync(db, caller, cancellationToken) is not { } institutionId)
        {
            return Problems.NotFound("You do not manage an institution.");
        }
        var provision = await db.Provisions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.InstitutionId == institutionId, cancellationToken);
        if (provision is null)
        {
            return Problems.NotFound("The course provision does not exist.");
        }

        var rows = TrainingRecordQuery.Rows(db, provision);
        return csv
            ? DashboardCsv.TrainingRecords(rows, provision.CourseTitle, provision.CompanyName)
            : TypedResults.Ok(new TrainingRecords(id, await rows.ToListAsync(cancellationToken)));
    }

    private static Task<Dictionary<Guid, string>> CompanyNamesAsync(InstitutionDbContext db, Guid institutionId, CancellationToken cancellationToken) =>
        db.Provisions.AsNoTracking().Where(p => p.InstitutionId == institutionId)
            .GroupBy(p => p.CompanyId).Select(g => new { g.Key, Name = g.Max(p => p.CompanyName) })
            .ToDictionaryAsync(g => g.Key, g => g.Name ?? string.Empty, cancellationToken);

    private sealed record PeriodFigures(int First, int Companies, int Learners, int ActiveCourses);

    /// <summary>Companies and learners from the month counters, active courses from provisions overlapping each period.</summary>
    private static async Task<List<PeriodFigures>> PeriodFiguresAsync(
        InstitutionDbContext db, Guid institutionId, int year, List<(int First, int Last)> periods, CancellationToken cancellationToken)
    {
        // The database groups the month × company rows (at most companies × 12, whatever the number of provisions) by
        // the period's index in the year and counts each period's companies once. Periods are months or quarters.
        var first = (year * 100) + 1;
        var rows = db.MonthCompanies.AsNoTracking()
            .Where(t => t.InstitutionId == institutionId && t.Month >= first && t.Month <= (year * 100) + 12 && t.Enrollments > 0);
        var grouped = periods.Count == 12
            ? rows.GroupBy(t => t.Month - first)
            : rows.GroupBy(t => t.Month < first + 3 ? 0 : t.Month < first + 6 ? 1 : t.Month < first + 9 ? 2 : 3);
        var counted = await grouped
            .Select(g => new { Period = g.Key, Companies = g.Select(t => t.CompanyId).Distinct().Count(), Learners = g.Sum(t => t.Enrollments) })
            .ToDictionaryAsync(g => g.Period, cancellationToken);
        var (yearStart, yearEnd) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        // Provisions of one course over the same dates count once, so this is at most courses × distinct periods long.
        var provisions = await db.Provisions.AsNoTracking()
            .Where(p => p.InstitutionId == institutionId && TeachingStates.Contains(p.State) && p.BeginDate <= yearEnd && p.EndDate >= yearStart)
            .Select(p => new { p.CourseId, p.BeginDate, p.EndDate })
            .Distinct()
            .ToListAsync(cancellationToken);

        return [.. periods.Select((period, index) =>
        {
            var start = new DateOnly(period.First / 100, period.First % 100, 1);
            var end = new DateOnly(period.Last / 100, period.Last % 100, 1).AddMonths(1).AddDays(-1);
            var courses = provisions.Where(p => p.BeginDate <= end && p.EndDate >= start).Select(p => p.CourseId).Distinct().Count();
            var figures = counted.GetValueOrDefault(index);
            return new PeriodFigures(period.First, figures?.Companies ?? 0, figures?.Learners ?? 0, courses);
        })];
    }
}
