using Lms.Company.Provisions;
using Lms.Contracts.Provisions;

namespace Lms.Services.Tests.Provision;

/// <summary>The roster after registration: removals at once, additions as an amendment, seats that stay consumed.</summary>
public sealed class Amendment_rules
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Begin = new(2026, 12, 1);
    private static readonly Guid Supervisor = Guid.NewGuid();
    private static readonly Guid Manager = Guid.NewGuid();
    private static readonly IReadOnlySet<Guid> NobodyProgressed = new HashSet<Guid>();

    private static CourseProvision Registered(int seats, params Guid[] roster)
    {
        var provision = CourseProvision.Request(
            new ProvisionTerms(Guid.NewGuid(), "회사", Guid.NewGuid(), "기관", Guid.NewGuid(), "과정", Begin, Begin.AddDays(29), seats, null), Supervisor, Now);
        provision.Accept(Manager, Now);
        provision.SubmitRoster(roster, Supervisor, Now);
        provision.ApproveRoster(Manager, Now);
        return provision;
    }

    [Fact]
    public void Removals_apply_at_once_and_additions_wait_for_the_institution()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        var provision = Registered(3, a, b);

        var (refusal, overflow) = provision.AmendRoster([a, c], NobodyProgressed, Supervisor, Now);

        Assert.Null(refusal);
        Assert.Empty(overflow);
        Assert.Equal([a], provision.Roster);
        Assert.Equal([c], provision.PendingAdditions);
        Assert.Equal(ProvisionStates.Registered, provision.State);
        Assert.Contains("1 awaiting", provision.History[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Approving_the_amendment_adds_the_people_and_records_who_approved()
    {
        Guid a = Guid.NewGuid(), c = Guid.NewGuid();
        var provision = Registered(2, a);
        provision.AmendRoster([a, c], NobodyProgressed, Supervisor, Now);

        Assert.Null(provision.ApproveAmendment(Manager, Now));

        Assert.Equal([a, c], provision.Roster);
        Assert.Empty(provision.PendingAdditions);
        Assert.Equal(Manager, provision.History[^1].By);
    }

    [Fact]
    public void Returning_the_amendment_adds_nobody_and_keeps_the_reason()
    {
        Guid a = Guid.NewGuid(), c = Guid.NewGuid();
        var provision = Registered(2, a);
        provision.AmendRoster([a, c], NobodyProgressed, Supervisor, Now);

        Assert.Null(provision.ReturnAmendment(Manager, "정원 확인 필요", Now));

        Assert.Equal([a], provision.Roster);
        Assert.Empty(provision.PendingAdditions);
        Assert.Contains("정원 확인 필요", provision.History[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deciding_on_an_amendment_when_none_waits_is_refused()
    {
        var provision = Registered(2, Guid.NewGuid());

        Assert.Equal("amendment-state", provision.ApproveAmendment(Manager, Now)?.Type);
        Assert.Equal("amendment-state", provision.ReturnAmendment(Manager, "x", Now)?.Type);
    }

    [Fact]
    public void A_learner_who_made_progress_keeps_their_seat_so_seats_cannot_be_rotated()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        var provision = Registered(1, a);

        var (_, overflow) = provision.AmendRoster([b], new HashSet<Guid> { a }, Supervisor, Now);

        Assert.Equal([b], overflow);
        Assert.Equal([a], provision.Roster);
        Assert.Empty(provision.PendingAdditions);
    }

    [Fact]
    public void A_learner_removed_before_any_progress_frees_their_seat()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        var provision = Registered(1, a);

        var (_, overflow) = provision.AmendRoster([b], NobodyProgressed, Supervisor, Now);

        Assert.Empty(overflow);
        Assert.Empty(provision.Roster);
        Assert.Equal([b], provision.PendingAdditions);
    }

    [Fact]
    public void The_overflow_names_exactly_the_additions_beyond_the_free_seats()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid();

        Assert.Equal([c, d], SeatRule.Overflow(seatsHeld: 2, [b, c, d], seats: 3));
        Assert.Empty(SeatRule.Overflow(seatsHeld: 1, [a, b], seats: 3));
        Assert.Equal([a, b], SeatRule.Overflow(seatsHeld: 5, [a, b], seats: 3));
    }

    [Fact]
    public void Someone_leaving_the_company_leaves_every_list_and_keeps_the_seat_if_they_progressed()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        var provision = Registered(3, a, b);
        provision.AmendRoster([a, b, c], NobodyProgressed, Supervisor, Now);

        Assert.True(provision.RemoveLearner(a, progressed: true, Now));
        Assert.True(provision.RemoveLearner(c, progressed: false, Now));
        Assert.False(provision.RemoveLearner(Guid.NewGuid(), progressed: false, Now));

        Assert.Equal([b], provision.Roster);
        Assert.Empty(provision.PendingAdditions);
        Assert.Equal([a], provision.ConsumedSeats);
    }

    [Fact]
    public void An_amendment_before_registration_is_refused_with_the_state()
    {
        var provision = CourseProvision.Request(
            new ProvisionTerms(Guid.NewGuid(), "회사", Guid.NewGuid(), "기관", Guid.NewGuid(), "과정", Begin, Begin.AddDays(29), 3, null), Supervisor, Now);

        var (refusal, _) = provision.AmendRoster([Guid.NewGuid()], NobodyProgressed, Supervisor, Now);

        Assert.Equal("provision-state", refusal?.Type);
        Assert.Empty(provision.PendingAdditions);
    }
}
