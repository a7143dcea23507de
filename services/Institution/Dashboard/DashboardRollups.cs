namespace Lms.Institution.Dashboard;

/// <summary>
/// One institution's enrollment counts over all its provisions and months: the summary is a read of this one row.
/// Only state changes move it (a progress event's delta has no count in it), so the consumers rarely touch it.
/// </summary>
public sealed class InstitutionTotals(Guid institutionId)
{
    public Guid InstitutionId { get; set; } = institutionId;

    public int Enrollments { get; set; }

    public int Active { get; set; }

    public int Completed { get; set; }

    public int Cancelled { get; set; }

    public bool IsZero => Enrollments == 0 && Active == 0 && Completed == 0 && Cancelled == 0;

    public void Add(ProvisionMonthTotals t)
    {
        Enrollments += t.Enrollments;
        Active += t.Active;
        Completed += t.Completed;
        Cancelled += t.Cancelled;
    }
}

/// <summary>
/// One company's enrollments that began in one Korean-calendar month at one institution. The month's distinct
/// companies are the rows with <see cref="Enrollments"/> above zero (a count, not a flag, so a move of an enrollment
/// to another month or a duplicate never leaves a company counted or dropped wrongly); the contracted-companies table
/// sums them per company.
/// </summary>
public sealed class MonthCompanyTotals(Guid institutionId, int month, Guid companyId)
{
    public Guid InstitutionId { get; set; } = institutionId;

    /// <summary>yyyymm in Korea time.</summary>
    public int Month { get; set; } = month;

    public Guid CompanyId { get; set; } = companyId;

    public int Enrollments { get; set; }

    public int Completed { get; set; }

    public int Cancelled { get; set; }

    public (Guid, int, Guid) Key => (InstitutionId, Month, CompanyId);

    public bool IsZero => Enrollments == 0 && Completed == 0 && Cancelled == 0;

    public void Add(ProvisionMonthTotals t)
    {
        Enrollments += t.Enrollments;
        Completed += t.Completed;
        Cancelled += t.Cancelled;
    }
}

/// <summary>One course's enrollments that began in one month at one institution: the month's popular courses are its top rows.</summary>
public sealed class MonthCourseTotals(Guid institutionId, int month, Guid courseId)
{
    public Guid InstitutionId { get; set; } = institutionId;

    /// <summary>yyyymm in Korea time.</summary>
    public int Month { get; set; } = month;

    public Guid CourseId { get; set; } = courseId;

    public int Enrollments { get; set; }

    public int Completed { get; set; }

    public (Guid, int, Guid) Key => (InstitutionId, Month, CourseId);

    public bool IsZero => Enrollments == 0 && Completed == 0;

    public void Add(ProvisionMonthTotals t)
    {
        Enrollments += t.Enrollments;
        Completed += t.Completed;
    }
}

/// <summary>
/// The coarser counters, each a sum of <see cref="ProvisionMonthTotals"/> rows grouped by fewer keys. Summing is
/// linear, so the same function turns provision deltas into rollup deltas (what the consumers add) and full provision
/// rows into full rollup rows (what the rebuild writes): the two can never disagree. Zero rows are left out (a
/// progress-only delta moves no rollup) and each list is in key order, the order the consumers lock rows in.
/// </summary>
public sealed record DashboardRollups(
    IReadOnlyList<InstitutionTotals> Institutions, IReadOnlyList<MonthCompanyTotals> MonthCompanies, IReadOnlyList<MonthCourseTotals> MonthCourses)
{
    public static DashboardRollups Of(IEnumerable<ProvisionMonthTotals> rows)
    {
        var institutions = new Dictionary<Guid, InstitutionTotals>();
        var companies = new Dictionary<(Guid, int, Guid), MonthCompanyTotals>();
        var courses = new Dictionary<(Guid, int, Guid), MonthCourseTotals>();
        foreach (var t in rows)
        {
            if (!institutions.TryGetValue(t.InstitutionId, out var institution))
            {
                institutions[t.InstitutionId] = institution = new InstitutionTotals(t.InstitutionId);
            }
            institution.Add(t);
            if (!companies.TryGetValue((t.InstitutionId, t.Month, t.CompanyId), out var company))
            {
                companies[(t.InstitutionId, t.Month, t.CompanyId)] = company = new MonthCompanyTotals(t.InstitutionId, t.Month, t.CompanyId);
            }
            company.Add(t);
            if (!courses.TryGetValue((t.InstitutionId, t.Month, t.CourseId), out var course))
            {
                courses[(t.InstitutionId, t.Month, t.CourseId)] = course = new MonthCourseTotals(t.InstitutionId, t.Month, t.CourseId);
            }
            course.Add(t);
        }

        return new DashboardRollups(
            [.. institutions.Values.Where(i => !i.IsZero).OrderBy(i => i.InstitutionId)],
            [.. companies.Values.Where(c => !c.IsZero).OrderBy(c => c.InstitutionId).ThenBy(c => c.Month).ThenBy(c => c.CompanyId)],
            [.. courses.Values.Where(c => !c.IsZero).OrderBy(c => c.InstitutionId).ThenBy(c => c.Month).ThenBy(c => c.CourseId)]);
    }
}
