using Lms.Company.Provisions;
using Lms.Contracts.Provisions;

namespace Lms.Services.Tests.Provision;

public sealed class Provision_rules
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Begin = new(2026, 12, 1);
    private static readonly Guid Someone = Guid.NewGuid();

    private static CourseProvision NewRequest() => CourseProvision.Request(
        new ProvisionTerms(Guid.NewGuid(), "회사", Guid.NewGuid(), "기관", Guid.NewGuid(), "과정", Begin, Begin.AddDays(29), 5, null), Someone, Now);

    [Fact]
    public void Follow_the_happy_path_recording_who_moved_it_and_when()
    {
        var provision = NewRequest();

        Assert.Null(provision.Accept(Someone, Now));
        Assert.Null(provision.SubmitRoster([Guid.NewGuid()], Someone, Now));
        Assert.Null(provision.ApproveRoster(Someone, Now));

        Assert.Equal(ProvisionStates.Registered, provision.State);
        Assert.Equal([null, "REQUESTED", "ACCEPTED", "ROSTER_SUBMITTED"], provision.History.Select(h => h.From));
        Assert.All(provision.History, h => Assert.Equal(Someone, h.By));
        Assert.Equal(4, provision.Version);
    }

    [Fact]
    public void A_returned_roster_goes_back_to_accepted_with_the_reason()
    {
        var provision = NewRequest();
        provision.Accept(Someone, Now);
        provision.SubmitRoster([Guid.NewGuid()], Someone, Now);

        Assert.Null(provision.ReturnRoster(Someone, "명단 오류", Now));

        Assert.Equal(ProvisionStates.Accepted, provision.State);
        Assert.Equal("명단 오류", provision.History[^1].Reason);
    }

    [Theory]
    [InlineData("cancel-after-accept")]
    [InlineData("accept-twice")]
    [InlineData("approve-before-roster")]
    [InlineData("decline-after-accept")]
    public void Refuse_a_move_from_the_wrong_state_and_change_nothing(string scenario)
    {
        var provision = NewRequest();
        provision.Accept(Someone, Now);
        var version = provision.Version;

        var refusal = scenario switch
        {
            "cancel-after-accept" => provision.Cancel(Someone, Now),
            "accept-twice" => provision.Accept(Someone, Now),
            "approve-before-roster" => provision.ApproveRoster(Someone, Now),
            _ => provision.Decline(Someone, "늦음", Now),
        };

        Assert.NotNull(refusal);
        Assert.Equal(ProvisionStates.Accepted, provision.State);
        Assert.Equal(version, provision.Version);
    }

    [Fact]
    public void Catch_up_follows_the_dates_and_does_nothing_twice()
    {
        var provision = NewRequest();
        provision.Accept(Someone, Now);
        provision.SubmitRoster([], Someone, Now);
        provision.ApproveRoster(Someone, Now);

        Assert.False(provision.CatchUp(Begin.AddDays(-1), Now));
        Assert.True(provision.CatchUp(Begin, Now));
        Assert.Equal(ProvisionStates.InProgress, provision.State);
        Assert.False(provision.CatchUp(Begin.AddDays(29), Now));
        Assert.True(provision.CatchUp(Begin.AddDays(30), Now));
        Assert.Equal(ProvisionStates.Finished, provision.State);
        Assert.False(provision.CatchUp(Begin.AddDays(60), Now));
    }

    [Fact]
    public void Catch_up_after_a_long_outage_goes_straight_through_to_finished()
    {
        var provision = NewRequest();
        provision.Accept(Someone, Now);
        provision.SubmitRoster([], Someone, Now);
        provision.ApproveRoster(Someone, Now);

        Assert.True(provision.CatchUp(Begin.AddDays(100), Now));

        Assert.Equal([ProvisionStates.InProgress, ProvisionStates.Finished], provision.History.TakeLast(2).Select(h => h.To));
    }

    [Fact]
    public void A_roster_names_each_stranger_and_duplicate_and_counts_seats()
    {
        var member = Guid.NewGuid();
        var errors = RosterRules.Check([member, Guid.NewGuid(), member], new HashSet<Guid> { member }, seats: 2);

        Assert.Equal(["userIds", "userIds[1]", "userIds[2]"], errors.Keys.Order());
    }

    [Fact]
    public void A_roster_over_the_seats_names_the_people_beyond_them()
    {
        var members = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };

        var errors = RosterRules.Check(members, members.ToHashSet(), seats: 2);

        Assert.Equal(["userIds", "userIds[2]"], errors.Keys.Order());
        Assert.Equal(["No seat is left for this person."], errors["userIds[2]"]);
    }
}
