using Lms.Student.Enrollments;

namespace Lms.Services.Tests.Student.Rules;

/// <summary>
/// Who opens a course in the student service (teach-back topics): ACTIVE, or COMPLETED and still the learner's, until the
/// provision's end date. The same expression runs in the database; here it is compiled and run in memory.
/// </summary>
public sealed class Course_access_rules
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);

    private static bool Opens(string state, DateOnly endDate, DateTimeOffset? accessEndedAt = null) =>
        CourseAccess.Opens(Today).Compile()(new EnrollmentTerms { State = state, EndDate = endDate, AccessEndedAt = accessEndedAt });

    [Fact]
    public void An_active_or_completed_enrollment_opens_the_course_through_its_last_day()
    {
        Assert.True(Opens(EnrollmentStates.Active, Today.AddDays(10)));
        Assert.True(Opens(EnrollmentStates.Completed, Today.AddDays(10)));
        Assert.True(Opens(EnrollmentStates.Completed, Today));
    }

    [Fact]
    public void Nothing_opens_after_the_end_date_nor_once_cancelled_or_left()
    {
        Assert.False(Opens(EnrollmentStates.Active, Today.AddDays(-1)));
        Assert.False(Opens(EnrollmentStates.Completed, Today.AddDays(-1)));
        Assert.False(Opens(EnrollmentStates.Cancelled, Today.AddDays(10)));
        Assert.False(Opens(EnrollmentStates.Completed, Today.AddDays(10), accessEndedAt: Now));
        Assert.False(Opens("SOMETHING_NEW", Today.AddDays(10)));
    }

    [Fact]
    public void Leaving_cancels_an_active_enrollment_and_closes_a_completed_one_which_stays_completed()
    {
        var active = Enrollment.Activate(Guid.NewGuid(), Guid.NewGuid(), Now);
        var completed = Enrollment.Activate(Guid.NewGuid(), Guid.NewGuid(), Now);
        completed.Complete(Now);

        Assert.False(active.EndAccess(Now));
        Assert.True(active.Cancel(Now));
        Assert.True(completed.EndAccess(Now.AddHours(1)));
        Assert.False(completed.EndAccess(Now.AddHours(2)));
        Assert.False(completed.Cancel(Now));

        Assert.Equal(EnrollmentStates.Cancelled, active.State);
        Assert.Equal(EnrollmentStates.Completed, completed.State);
        Assert.Equal(Now.AddHours(1), completed.AccessEndedAt);
        Assert.Equal(Now, completed.CompletedAt);
    }

    [Fact]
    public void A_completed_learner_put_back_on_the_roster_opens_the_course_again()
    {
        var completed = Enrollment.Activate(Guid.NewGuid(), Guid.NewGuid(), Now);
        completed.Complete(Now);
        completed.EndAccess(Now);

        Assert.True(completed.RestoreAccess());
        Assert.False(completed.RestoreAccess());
        Assert.Null(completed.AccessEndedAt);
        Assert.False(completed.Reactivate(Now));
    }
}
