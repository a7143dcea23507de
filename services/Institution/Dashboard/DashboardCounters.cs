using Lms.Institution.Data;
using Lms.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Dashboard;

/// <summary>
/// Pre-aggregated numbers of one provision's enrollments that began in one Korean-calendar month. Every dashboard
/// figure about enrollments is a sum over these rows (a few per provision), never a scan of the enrollments.
/// </summary>
public sealed class ProvisionMonthTotals(Guid institutionId, Guid provisionId, int month, Guid courseId, Guid companyId)
{
    public Guid InstitutionId { get; set; } = institutionId;

    public Guid ProvisionId { get; set; } = provisionId;

    /// <summary>yyyymm in Korea time.</summary>
    public int Month { get; set; } = month;

    public Guid CourseId { get; set; } = courseId;

    public Guid CompanyId { get; set; } = companyId;

    public int Enrollments { get; set; }

    public int Active { get; set; }

    public int Completed { get; set; }

    public int Cancelled { get; set; }

    /// <summary>Sum of progress % over enrollments not cancelled.</summary>
    public decimal ProgressSum { get; set; }

    public int Scored { get; set; }

    public decimal ScoreSum { get; set; }

    public int Attended { get; set; }

    public decimal AttendanceSum { get; set; }

    public (Guid, Guid, int) Key => (InstitutionId, ProvisionId, Month);

    public bool IsZero => Enrollments == 0 && Active == 0 && Completed == 0 && Cancelled == 0 && ProgressSum == 0
        && Scored == 0 && ScoreSum == 0 && Attended == 0 && AttendanceSum == 0;

    public ProvisionMonthTotals Minus(ProvisionMonthTotals? other) => other is null ? this : new(InstitutionId, ProvisionId, Month, CourseId, CompanyId)
    {
        Enrollments = Enrollments - other.Enrollments,
        Active = Active - other.Active,
        Completed = Completed - other.Completed,
        Cancelled = Cancelled - other.Cancelled,
        ProgressSum = ProgressSum - other.ProgressSum,
        Scored = Scored - other.Scored,
        ScoreSum = ScoreSum - other.ScoreSum,
        Attended = Attended - other.Attended,
        AttendanceSum = AttendanceSum - other.AttendanceSum,
    };

    public ProvisionMonthTotals Negated() => new ProvisionMonthTotals(InstitutionId, ProvisionId, Month, CourseId, CompanyId).Minus(this);

    public void Add(ProvisionMonthTotals other)
    {
        Enrollments += other.Enrollments;
        Active += other.Active;
        Completed += other.Completed;
        Cancelled += other.Cancelled;
        ProgressSum += other.ProgressSum;
        Scored += other.Scored;
        ScoreSum += other.ScoreSum;
        Attended += other.Attended;
        AttendanceSum += other.AttendanceSum;
    }
}

/// <summary>A course's ratings: count, sum of stars and how many of each star, so average and distribution are one read.</summary>
public sealed class CourseRatingTotals(Guid courseId, Guid institutionId)
{
    public Guid CourseId { get; set; } = courseId;

    public Guid InstitutionId { get; set; } = institutionId;

    public int Ratings { get; set; }

    public int StarsSum { get; set; }

    public int Stars1 { get; set; }

    public int Stars2 { get; set; }

    public int Stars3 { get; set; }

    public int Stars4 { get; set; }

    public int Stars5 { get; set; }

    public static CourseRatingTotals One(Guid courseId, Guid institutionId, int stars) => new(courseId, institutionId)
    {
        Ratings = 1,
        StarsSum = stars,
        Stars1 = stars == 1 ? 1 : 0,
        Stars2 = stars == 2 ? 1 : 0,
        Stars3 = stars == 3 ? 1 : 0,
        Stars4 = stars == 4 ? 1 : 0,
        Stars5 = stars == 5 ? 1 : 0,
    };

    public bool IsZero => Ratings == 0 && StarsSum == 0 && Stars1 == 0 && Stars2 == 0 && Stars3 == 0 && Stars4 == 0 && Stars5 == 0;

    public CourseRatingTotals Minus(CourseRatingTotals? other) => other is null ? this : new(CourseId, InstitutionId)
    {
        Ratings = Ratings - other.Ratings,
        StarsSum = StarsSum - other.StarsSum,
        Stars1 = Stars1 - other.Stars1,
        Stars2 = Stars2 - other.Stars2,
        Stars3 = Stars3 - other.Stars3,
        Stars4 = Stars4 - other.Stars4,
        Stars5 = Stars5 - other.Stars5,
    };

    public CourseRatingTotals Negated() => new CourseRatingTotals(CourseId, InstitutionId).Minus(this);

    public void Add(CourseRatingTotals other)
    {
        Ratings += other.Ratings;
        StarsSum += other.StarsSum;
        Stars1 += other.Stars1;
        Stars2 += other.Stars2;
        Stars3 += other.Stars3;
        Stars4 += other.Stars4;
        Stars5 += other.Stars5;
    }
}

/// <summary>
/// Moves the counters by the change of one enrollment row, inside the consumer's transaction. Each change is one
/// atomic <c>INSERT … ON DUPLICATE KEY UPDATE x = x + delta</c>, so concurrent consumers never lose each other's
/// increments; keys are touched in a fixed order so two transactions cannot deadlock on them.
/// </summary>
public static class DashboardCounters
{
    public static IReadOnlyList<ProvisionMonthTotals> ProvisionDeltas(EnrollmentContribution before, EnrollmentContribution after)
    {
        var deltas = new List<ProvisionMonthTotals>();
        if (before.Provision is { } old && after.Provision is { } now && old.Key == now.Key)
        {
            deltas.Add(now.Minus(old));
        }
        else
        {
            if (before.Provision is { } removed)
            {
                deltas.Add(removed.Negated());
            }
            if (after.Provision is { } added)
            {
                deltas.Add(added);
            }
        }
        return [.. deltas.Where(d => !d.IsZero).OrderBy(d => d.ProvisionId).ThenBy(d => d.Month)];
    }

    public static CourseRatingTotals? RatingDelta(EnrollmentContribution before, EnrollmentContribution after)
    {
        var delta = after.Rating is { } now ? now.Minus(before.Rating) : before.Rating?.Negated();
        return delta is { IsZero: false } ? delta : null;
    }

    /// <summary>What the change moves in the institution, month × company and month × course counters: the provision deltas summed by those keys.</summary>
    public static DashboardRollups RollupDeltas(EnrollmentContribution before, EnrollmentContribution after) =>
        DashboardRollups.Of(ProvisionDeltas(before, after));

    public static async Task ApplyAsync(InstitutionDbContext db, EnrollmentContribution before, EnrollmentContribution after, CancellationToken cancellationToken)
    {
        var provisionDeltas = ProvisionDeltas(before, after);
        foreach (var d in provisionDeltas)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO dashboard_provision_months
                  (institution_id, provision_id, month, course_id, company_id, enrollments, active, completed, cancelled,
                   progress_sum, scored, score_sum, attended, attendance_sum)
                VALUES ({d.InstitutionId}, {d.ProvisionId}, {d.Month}, {d.CourseId}, {d.CompanyId}, {d.Enrollments}, {d.Active},
                  {d.Completed}, {d.Cancelled}, {d.ProgressSum}, {d.Scored}, {d.ScoreSum}, {d.Attended}, {d.AttendanceSum})
                ON DUPLICATE KEY UPDATE
                  enrollments = enrollments + VALUES(enrollments), active = active + VALUES(active),
                  completed = completed + VALUES(completed), cancelled = cancelled + VALUES(cancelled),
                  progress_sum = progress_sum + VALUES(progress_sum), scored = scored + VALUES(scored),
                  score_sum = score_sum + VALUES(score_sum), attended = attended + VALUES(attended),
                  attendance_sum = attendance_sum + VALUES(attendance_sum)
                """, cancellationToken);
        }

        // Tables in a fixed order, rows in key order within each (DashboardRollups sorts them): no two consumers deadlock.
        var rollups = DashboardRollups.Of(provisionDeltas);
        foreach (var i in rollups.Institutions)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO dashboard_institution_totals (institution_id, enrollments, active, completed, cancelled)
                VALUES ({i.InstitutionId}, {i.Enrollments}, {i.Active}, {i.Completed}, {i.Cancelled})
                ON DUPLICATE KEY UPDATE
                  enrollments = enrollments + VALUES(enrollments), active = active + VALUES(active),
                  completed = completed + VALUES(completed), cancelled = cancelled + VALUES(cancelled)
                """, cancellationToken);
        }
        foreach (var c in rollups.MonthCompanies)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO dashboard_month_companies (institution_id, month, company_id, enrollments, completed, cancelled)
                VALUES ({c.InstitutionId}, {c.Month}, {c.CompanyId}, {c.Enrollments}, {c.Completed}, {c.Cancelled})
                ON DUPLICATE KEY UPDATE
                  enrollments = enrollments + VALUES(enrollments), completed = completed + VALUES(completed),
                  cancelled = cancelled + VALUES(cancelled)
                """, cancellationToken);
        }
        foreach (var c in rollups.MonthCourses)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO dashboard_month_courses (institution_id, month, course_id, enrollments, completed)
                VALUES ({c.InstitutionId}, {c.Month}, {c.CourseId}, {c.Enrollments}, {c.Completed})
                ON DUPLICATE KEY UPDATE enrollments = enrollments + VALUES(enrollments), completed = completed + VALUES(completed)
                """, cancellationToken);
        }

        if (RatingDelta(before, after) is { } r)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO dashboard_course_ratings (course_id, institution_id, ratings, stars_sum, stars1, stars2, stars3, stars4, stars5)
                VALUES ({r.CourseId}, {r.InstitutionId}, {r.Ratings}, {r.StarsSum}, {r.Stars1}, {r.Stars2}, {r.Stars3}, {r.Stars4}, {r.Stars5})
                ON DUPLICATE KEY UPDATE
                  ratings = ratings + VALUES(ratings), stars_sum = stars_sum + VALUES(stars_sum), stars1 = stars1 + VALUES(stars1),
                  stars2 = stars2 + VALUES(stars2), stars3 = stars3 + VALUES(stars3), stars4 = stars4 + VALUES(stars4),
                  stars5 = stars5 + VALUES(stars5)
                """, cancellationToken);
        }
    }
}

/// <summary>Months as yyyymm on the Korean calendar.</summary>
public static class DashboardMonth
{
    public static int Of(DateTimeOffset at)
    {
        if (at == DateTimeOffset.MaxValue)
        {
            return 0;
        }

        var day = KoreaTime.Today(at);
        return (day.Year * 100) + day.Month;
    }
}
