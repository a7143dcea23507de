using Lms.Contracts.Enrollments;
using Lms.Contracts.Exams;
using Lms.Contracts.Learning;
using Lms.Contracts.Live;
using Lms.Institution.Dashboard;

namespace Lms.Services.Tests.Dashboards;

/// <summary>The institution's per-enrollment row and the counter deltas it produces, without the bus.</summary>
public sealed class Enrollment_record_rules
{
    private static readonly Guid Enrollment = Guid.NewGuid(), User = Guid.NewGuid(), Provision = Guid.NewGuid(), Course = Guid.NewGuid(),
        Company = Guid.NewGuid(), Institution = Guid.NewGuid(), ExamA = Guid.NewGuid(), ExamB = Guid.NewGuid(),
        SessionA = Guid.NewGuid(), SessionB = Guid.NewGuid(), SessionC = Guid.NewGuid();

    // 2026-10-31 23:30 UTC is 2026-11-01 08:30 in Korea: the enrollment counts in November.
    private static readonly DateTimeOffset T0 = new(2026, 10, 31, 23, 30, 0, TimeSpan.Zero);

    private static IReadOnlyList<Action<EnrollmentRecord>> Events() =>
    [
        r => r.Apply(new EnrollmentActivated(Enrollment, User, Provision, Course, Company, Institution, T0)),
        r => r.Apply(new EnrollmentProgressChanged(Enrollment, User, Provision, Course, Company, Institution, 40m, T0.AddHours(1))),
        r => r.Apply(new EnrollmentProgressChanged(Enrollment, User, Provision, Course, Company, Institution, 85.5m, T0.AddHours(2))),
        r => r.Apply(new ExamAttemptGraded(Guid.NewGuid(), ExamA, Course, Institution, User, Enrollment, Company, 1, 70m, true, false, T0, T0.AddHours(3))),
        r => r.Apply(new ExamAttemptGraded(Guid.NewGuid(), ExamA, Course, Institution, User, Enrollment, Company, 2, 90m, true, false, T0, T0.AddHours(4))),
        r => r.Apply(new ExamAttemptGraded(Guid.NewGuid(), ExamB, Course, Institution, User, Enrollment, Company, 1, 60m, true, false, T0, T0.AddHours(5))),
        r => r.Apply(new EnrollmentCompleted(Enrollment, User, Provision, Course, Company, Institution, "LMS-1", T0.AddHours(6))),
        r => r.Apply(new CourseRated(Enrollment, User, Course, Institution, Company, 4, "유익했어요", T0.AddHours(7))),
        r => r.Apply(Live(SessionA, attended: true, 1)),
        r => r.Apply(Live(SessionB, attended: false, 2)),
        r => r.Apply(Live(SessionC, attended: true, 3)),
    ];

    private static LiveAttendanceRecorded Live(Guid session, bool attended, int hours) =>
        new(session, Provision, Institution, User, Enrollment, attended ? 3000 : 100, 3600, attended ? 0.8333m : 0.0278m, attended, 0, 0,
            T0.AddHours(hours), T0.AddHours(hours));

    /// <summary>Applies the events in one order, moving counters by each event's delta, as the consumers do.</summary>
    private static (EnrollmentRecord Record, ProvisionMonthTotals Totals, CourseRatingTotals Ratings) Run(IEnumerable<int> order)
    {
        var record = EnrollmentRecord.For(Enrollment);
        var totals = new Dictionary<(Guid, Guid, int), ProvisionMonthTotals>();
        var ratings = new CourseRatingTotals(Course, Institution);
        var events = Events();
        foreach (var index in order)
        {
            var before = record.Contribution();
            events[index](record);
            var after = record.Contribution();
            foreach (var delta in DashboardCounters.ProvisionDeltas(before, after))
            {
                if (!totals.TryGetValue(delta.Key, out var sum))
                {
                    totals[delta.Key] = sum = new ProvisionMonthTotals(delta.InstitutionId, delta.ProvisionId, delta.Month, delta.CourseId, delta.CompanyId);
                }
                sum.Add(delta);
            }
            if (DashboardCounters.RatingDelta(before, after) is { } rating)
            {
                ratings.Add(rating);
            }
        }
        return (record, Assert.Single(totals.Values, t => !t.IsZero), ratings);
    }

    [Fact]
    public void The_events_in_order_give_the_hand_computed_numbers()
    {
        var (record, totals, ratings) = Run(Enumerable.Range(0, 11));

        Assert.Equal(EnrollmentRecordStates.Completed, record.State);
        Assert.Equal(85.5m, record.ProgressPercent);
        Assert.Equal(75m, record.EvaluationScore); // mean of the best scores: (90 + 60) / 2
        Assert.Equal("LMS-1", record.CertificateSerial);
        Assert.Equal(66.67m, record.AttendanceRate); // two of three live sessions attended
        Assert.Equal(202611, totals.Month);
        Assert.Equal((1, 0, 1, 0, 85.5m, 1, 75m), (totals.Enrollments, totals.Active, totals.Completed, totals.Cancelled, totals.ProgressSum, totals.Scored, totals.ScoreSum));
        Assert.Equal((1, 66.67m), (totals.Attended, totals.AttendanceSum));
        Assert.Equal((1, 4, 1), (ratings.Ratings, ratings.StarsSum, ratings.Stars4));
    }

    [Fact]
    public void Any_order_and_any_repetition_give_the_same_row_and_counters()
    {
        var expected = Run(Enumerable.Range(0, 11));
        var random = new Random(14);
        for (var trial = 0; trial < 200; trial++)
        {
            var order = Enumerable.Range(0, 11).Concat(Enumerable.Range(0, 11).Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next()).ToList();

            var (record, totals, ratings) = Run(order);

            Assert.Equal(expected.Record.State, record.State);
            Assert.Equal(expected.Record.ProgressPercent, record.ProgressPercent);
            Assert.Equal(expected.Record.EvaluationScore, record.EvaluationScore);
            Assert.Equal(expected.Record.AttendanceRate, record.AttendanceRate);
            Assert.Equal(expected.Record.Month, record.Month);
            Assert.Equal((expected.Totals.Enrollments, expected.Totals.Active, expected.Totals.Completed, expected.Totals.ProgressSum, expected.Totals.ScoreSum),
                (totals.Enrollments, totals.Active, totals.Completed, totals.ProgressSum, totals.ScoreSum));
            Assert.Equal((expected.Totals.Attended, expected.Totals.AttendanceSum), (totals.Attended, totals.AttendanceSum));
            Assert.Equal((expected.Ratings.Ratings, expected.Ratings.StarsSum), (ratings.Ratings, ratings.StarsSum));
        }
    }

    [Fact]
    public void A_cancellation_older_than_the_activation_leaves_it_active_and_a_newer_one_cancels()
    {
        var record = EnrollmentRecord.For(Enrollment);
        record.Apply(new EnrollmentCancelled(Enrollment, User, Provision, Course, T0.AddDays(2)));
        record.Apply(new EnrollmentActivated(Enrollment, User, Provision, Course, Company, Institution, T0));

        Assert.Equal(EnrollmentRecordStates.Cancelled, record.State);
        var contribution = Assert.IsType<ProvisionMonthTotals>(record.Contribution().Provision);
        Assert.Equal((1, 0, 1, 0m), (contribution.Enrollments, contribution.Active, contribution.Cancelled, contribution.ProgressSum));
    }

    [Fact]
    public void A_row_whose_institution_is_unknown_counts_nowhere()
    {
        var record = EnrollmentRecord.For(Enrollment);
        record.Apply(new EnrollmentCancelled(Enrollment, User, Provision, Course, T0));

        Assert.Null(record.Contribution().Provision);
    }
}
