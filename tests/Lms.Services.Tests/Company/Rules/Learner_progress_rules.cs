using Lms.Company.Learning;

namespace Lms.Services.Tests.Company.Rules;

public sealed class Learner_progress_rules
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static LearnerProgress New() => LearnerProgress.For(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    [Fact]
    public void An_older_progress_report_arriving_late_changes_nothing()
    {
        var progress = New();
        progress.Progressed(50, T0.AddMinutes(2));

        progress.Progressed(10, T0.AddMinutes(1));

        Assert.Equal(50, progress.ProgressPercent);
    }

    [Fact]
    public void Completion_is_final()
    {
        var progress = New();
        progress.Completed("LMS-20261123-ABCDEFGH", T0.AddMinutes(5));

        progress.Cancelled(T0.AddMinutes(6));
        progress.Activated(T0.AddMinutes(7));

        Assert.Equal(LearnerStates.Completed, progress.State);
        Assert.Equal("LMS-20261123-ABCDEFGH", progress.CertificateSerial);
    }

    [Fact]
    public void The_later_of_activation_and_cancellation_wins_whatever_order_they_arrive_in()
    {
        var backOnTheRoster = New();
        backOnTheRoster.Activated(T0.AddMinutes(3));
        backOnTheRoster.Cancelled(T0.AddMinutes(2));
        Assert.Equal(LearnerStates.Active, backOnTheRoster.State);

        var takenOff = New();
        takenOff.Cancelled(T0.AddMinutes(2));
        takenOff.Activated(T0.AddMinutes(1));
        Assert.Equal(LearnerStates.Cancelled, takenOff.State);
    }

    [Fact]
    public void Live_attendance_is_the_share_of_sessions_attended_whatever_order_and_repetition()
    {
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var inOrder = New();
        inOrder.Attended(first, true, T0);
        inOrder.Attended(second, false, T0.AddDays(1));
        inOrder.Attended(third, true, T0.AddDays(2));

        var shuffled = New();
        shuffled.Attended(third, true, T0.AddDays(2));
        shuffled.Attended(second, false, T0.AddDays(1));
        shuffled.Attended(third, true, T0.AddDays(2));
        shuffled.Attended(first, true, T0);

        Assert.Equal(66.67m, inOrder.AttendanceRate);
        Assert.Equal(66.67m, shuffled.AttendanceRate);
        Assert.Equal(T0.AddDays(2), shuffled.AttendanceChangedAt);
        Assert.Equal(1, shuffled.Contribution()!.Attended);
    }
}
