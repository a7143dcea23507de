using Lms.Contracts.Enrollments;
using Lms.Contracts.Learning;
using Lms.Institution.Dashboard;

namespace Lms.Services.Tests.Dashboards;

/// <summary>
/// The institution, month × company and month × course counters, moved by each event's delta as the consumers do,
/// against hand-computed numbers and against what the rebuild computes from the final rows.
/// </summary>
public sealed class Dashboard_rollup_rules
{
    private static readonly Guid Institution = Guid.NewGuid(), CompanyA = Guid.NewGuid(), CompanyB = Guid.NewGuid(),
        CourseX = Guid.NewGuid(), CourseY = Guid.NewGuid(), ProvisionAx = Guid.NewGuid(), ProvisionBx = Guid.NewGuid(), ProvisionBy = Guid.NewGuid(), ProvisionAy = Guid.NewGuid();

    private static readonly Guid E1 = Guid.NewGuid(), E2 = Guid.NewGuid(), E3 = Guid.NewGuid(), E4 = Guid.NewGuid();

    // 2026-10-31 23:30 UTC is 2026-11-01 08:30 in Korea (November); 2026-10-31 14:00 UTC is 23:00 in Korea (October).
    private static readonly DateTimeOffset November = new(2026, 10, 31, 23, 30, 0, TimeSpan.Zero), October = new(2026, 10, 31, 14, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset December = new(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// E1: company A, course X, November, completed. E2: company B, course X, November, cancelled. E3: company B,
    /// course Y, activated in October but its progress (December) arrives first. E4: company A, course Y, December,
    /// progressing.
    /// </summary>
    private static IReadOnlyList<(Guid Enrollment, Action<EnrollmentRecord> Apply)> Events() =>
    [
        (E1, r => r.Apply(new EnrollmentActivated(E1, Guid.Empty, ProvisionAx, CourseX, CompanyA, Institution, November))),
        (E1, r => r.Apply(new EnrollmentProgressChanged(E1, Guid.Empty, ProvisionAx, CourseX, CompanyA, Institution, 100m, November.AddDays(1)))),
        (E1, r => r.Apply(new EnrollmentCompleted(E1, Guid.Empty, ProvisionAx, CourseX, CompanyA, Institution, "R-1", November.AddDays(2)))),
        (E2, r => r.Apply(new EnrollmentActivated(E2, Guid.Empty, ProvisionBx, CourseX, CompanyB, Institution, November))),
        (E2, r => r.Apply(new EnrollmentCancelled(E2, Guid.Empty, ProvisionBx, CourseX, November.AddDays(1)))),
        (E3, r => r.Apply(new EnrollmentProgressChanged(E3, Guid.Empty, ProvisionBy, CourseY, CompanyB, Institution, 30m, December))),
        (E3, r => r.Apply(new EnrollmentActivated(E3, Guid.Empty, ProvisionBy, CourseY, CompanyB, Institution, October))),
        (E4, r => r.Apply(new EnrollmentActivated(E4, Guid.Empty, ProvisionAy, CourseY, CompanyA, Institution, December))),
        (E4, r => r.Apply(new EnrollmentProgressChanged(E4, Guid.Empty, ProvisionAy, CourseY, CompanyA, Institution, 10m, December.AddDays(1)))),
    ];

    /// <summary>The counters as the consumers leave them: each event moves them by its rollup delta.</summary>
    private sealed class Ledger
    {
        public Dictionary<Guid, EnrollmentRecord> Records { get; } = [];

        public Dictionary<Guid, InstitutionTotals> Institutions { get; } = [];

        public Dictionary<(Guid, int, Guid), MonthCompanyTotals> MonthCompanies { get; } = [];

        public Dictionary<(Guid, int, Guid), MonthCourseTotals> MonthCourses { get; } = [];

        public int Moves { get; private set; }

        public void Apply(Guid enrollment, Action<EnrollmentRecord> apply)
        {
            if (!Records.TryGetValue(enrollment, out var record))
            {
                Records[enrollment] = record = EnrollmentRecord.For(enrollment);
            }
            var before = record.Contribution();
            apply(record);
            var delta = DashboardCounters.RollupDeltas(before, record.Contribution());
            Moves += delta.Institutions.Count + delta.MonthCompanies.Count + delta.MonthCourses.Count;
            foreach (var d in delta.Institutions)
            {
                var row = Institutions.TryGetValue(d.InstitutionId, out var r) ? r : Institutions[d.InstitutionId] = new InstitutionTotals(d.InstitutionId);
                (row.Enrollments, row.Active, row.Completed, row.Cancelled) =
                    (row.Enrollments + d.Enrollments, row.Active + d.Active, row.Completed + d.Completed, row.Cancelled + d.Cancelled);
            }
            foreach (var d in delta.MonthCompanies)
            {
                var row = MonthCompanies.TryGetValue(d.Key, out var r) ? r : MonthCompanies[d.Key] = new MonthCompanyTotals(d.InstitutionId, d.Month, d.CompanyId);
                (row.Enrollments, row.Completed, row.Cancelled) = (row.Enrollments + d.Enrollments, row.Completed + d.Completed, row.Cancelled + d.Cancelled);
            }
            foreach (var d in delta.MonthCourses)
            {
                var row = MonthCourses.TryGetValue(d.Key, out var r) ? r : MonthCourses[d.Key] = new MonthCourseTotals(d.InstitutionId, d.Month, d.CourseId);
                (row.Enrollments, row.Completed) = (row.Enrollments + d.Enrollments, row.Completed + d.Completed);
            }
        }

        /// <summary>The month's distinct companies as the monthly dashboard counts them: rows with enrollments.</summary>
        public int CompaniesIn(int month) => MonthCompanies.Values.Count(c => c.Month == month && c.Enrollments > 0);

        public (int Enrollments, int Completed, int Cancelled) Company(int month, Guid company) =>
            MonthCompanies.TryGetValue((Institution, month, company), out var c) ? (c.Enrollments, c.Completed, c.Cancelled) : (0, 0, 0);

        public (int Enrollments, int Completed) Course(int month, Guid course) =>
            MonthCourses.TryGetValue((Institution, month, course), out var c) ? (c.Enrollments, c.Completed) : (0, 0);
    }

    private static Ledger Run(IEnumerable<int> order)
    {
        var ledger = new Ledger();
        var events = Events();
        foreach (var i in order)
        {
            ledger.Apply(events[i].Enrollment, events[i].Apply);
        }
        return ledger;
    }

    [Fact]
    public void The_events_in_order_give_the_hand_computed_rollups()
    {
        var ledger = Run(Enumerable.Range(0, Events().Count));

        var institution = Assert.Single(ledger.Institutions.Values);
        Assert.Equal((4, 2, 1, 1), (institution.Enrollments, institution.Active, institution.Completed, institution.Cancelled));
        // November: A (E1) and B (E2, cancelled but it began there); October: B (E3); December: A (E4) only — E3's
        // progress first counted B in December, and its activation moved it to October.
        Assert.Equal((2, 1, 1), (ledger.CompaniesIn(202611), ledger.CompaniesIn(202610), ledger.CompaniesIn(202612)));
        Assert.Equal((1, 1, 0), ledger.Company(202611, CompanyA));
        Assert.Equal((1, 0, 1), ledger.Company(202611, CompanyB));
        Assert.Equal((1, 0, 0), ledger.Company(202610, CompanyB));
        Assert.Equal((0, 0, 0), ledger.Company(202612, CompanyB));
        Assert.Equal((1, 0, 0), ledger.Company(202612, CompanyA));
        Assert.Equal((2, 1), ledger.Course(202611, CourseX));
        Assert.Equal((1, 0), ledger.Course(202610, CourseY));
        Assert.Equal((1, 0), ledger.Course(202612, CourseY));
    }

    [Fact]
    public void Any_order_and_any_repetition_give_what_the_rebuild_computes()
    {
        var count = Events().Count;
        var random = new Random(14);
        for (var trial = 0; trial < 200; trial++)
        {
            var order = Enumerable.Range(0, count).Concat(Enumerable.Range(0, count).Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next()).ToList();

            var ledger = Run(order);

            // The rebuild: every row's final contribution, summed by the same rollup function.
            var rebuilt = DashboardRollups.Of(ledger.Records.Values.Select(r => r.Contribution().Provision).OfType<ProvisionMonthTotals>());
            var institution = Assert.Single(rebuilt.Institutions);
            var kept = ledger.Institutions[Institution];
            Assert.Equal((institution.Enrollments, institution.Active, institution.Completed, institution.Cancelled),
                (kept.Enrollments, kept.Active, kept.Completed, kept.Cancelled));
            Assert.Equal(rebuilt.MonthCompanies.Select(c => (c.Key, c.Enrollments, c.Completed, c.Cancelled)).ToHashSet(),
                ledger.MonthCompanies.Values.Where(c => !c.IsZero).Select(c => (c.Key, c.Enrollments, c.Completed, c.Cancelled)).ToHashSet());
            Assert.Equal(rebuilt.MonthCourses.Select(c => (c.Key, c.Enrollments, c.Completed)).ToHashSet(),
                ledger.MonthCourses.Values.Where(c => !c.IsZero).Select(c => (c.Key, c.Enrollments, c.Completed)).ToHashSet());
            Assert.Equal((2, 1, 1), (ledger.CompaniesIn(202611), ledger.CompaniesIn(202610), ledger.CompaniesIn(202612)));
        }
    }

    [Fact]
    public void A_duplicate_or_a_progress_change_moves_no_rollup()
    {
        var ledger = Run([0, 3, 6, 7]);
        var moves = ledger.Moves;

        ledger.Apply(E4, r => r.Apply(new EnrollmentProgressChanged(E4, Guid.Empty, ProvisionAy, CourseY, CompanyA, Institution, 55m, December.AddDays(3))));
        ledger.Apply(E1, Events()[0].Apply);
        ledger.Apply(E3, Events()[6].Apply);

        Assert.Equal(moves, ledger.Moves);
        Assert.Equal(4, ledger.Institutions[Institution].Enrollments);
    }

    [Fact]
    public void Two_learners_of_one_company_count_it_once_and_it_stays_counted_until_both_leave_the_month()
    {
        var ledger = new Ledger();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        // Both first seen in December through progress, then activated in November one after the other.
        ledger.Apply(first, r => r.Apply(new EnrollmentProgressChanged(first, Guid.Empty, ProvisionAx, CourseX, CompanyA, Institution, 5m, December)));
        ledger.Apply(second, r => r.Apply(new EnrollmentProgressChanged(second, Guid.Empty, ProvisionAx, CourseX, CompanyA, Institution, 5m, December)));
        Assert.Equal((1, 2), (ledger.CompaniesIn(202612), ledger.Company(202612, CompanyA).Enrollments));

        ledger.Apply(first, r => r.Apply(new EnrollmentActivated(first, Guid.Empty, ProvisionAx, CourseX, CompanyA, Institution, November)));
        Assert.Equal((1, 1), (ledger.CompaniesIn(202612), ledger.CompaniesIn(202611)));

        ledger.Apply(second, r => r.Apply(new EnrollmentActivated(second, Guid.Empty, ProvisionAx, CourseX, CompanyA, Institution, November)));
        Assert.Equal((0, 1, 2), (ledger.CompaniesIn(202612), ledger.CompaniesIn(202611), ledger.Company(202611, CompanyA).Enrollments));
        Assert.Equal((2, 0), ledger.Course(202611, CourseX));
    }
}
