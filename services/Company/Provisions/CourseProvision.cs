using Lms.Contracts.Provisions;

namespace Lms.Company.Provisions;

/// <summary>A refusal of the provision rules: the problem type, a title, and the state the provision is in.</summary>
public sealed record ProvisionRefusal(string Type, string Title);

/// <summary>
/// The contract between a company and an institution for one course (코스 제공). This service keeps the
/// authoritative record: every transition checks the current state here, under the row version, so of two
/// racing moves exactly one wins.
/// <code>
/// REQUESTED ─accept→ ACCEPTED ─roster→ ROSTER_SUBMITTED ─approve→ REGISTERED ─begin→ IN_PROGRESS ─end→ FINISHED
///     │─decline→ DECLINED        ↑────────return roster───────│
///     └─cancel→ CANCELLED
/// </code>
/// </summary>
public sealed class CourseProvision
{
    private CourseProvision()
    {
    }

    public Guid Id { get; private set; }

    public Guid CompanyId { get; private set; }

    public string CompanyName { get; private set; } = string.Empty;

    public Guid InstitutionId { get; private set; }

    public string InstitutionName { get; private set; } = string.Empty;

    public Guid CourseId { get; private set; }

    public string CourseTitle { get; private set; } = string.Empty;

    public DateOnly BeginDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public int Seats { get; private set; }

    public string? Deposit { get; private set; }

    public string State { get; private set; } = ProvisionStates.Requested;

    public List<Guid> Roster { get; private set; } = [];

    public List<ProvisionTransition> History { get; private set; } = [];

    /// <summary>Employees the company asked to add after registration, waiting for the institution's approval.</summary>
    public List<Guid> PendingAdditions { get; private set; } = [];

    /// <summary>
    /// Learners taken off a registered roster after they had made progress: their seats stay consumed, so seats
    /// cannot be rotated through employees.
    /// </summary>
    public List<Guid> ConsumedSeats { get; private set; } = [];

    public long Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static CourseProvision Request(ProvisionTerms terms, Guid by, DateTimeOffset now)
    {
        var provision = new CourseProvision
        {
            Id = Guid.CreateVersion7(),
            CompanyId = terms.CompanyId,
            CompanyName = terms.CompanyName,
            InstitutionId = terms.InstitutionId,
            InstitutionName = terms.InstitutionName,
            CourseId = terms.CourseId,
            CourseTitle = terms.CourseTitle,
            BeginDate = terms.BeginDate,
            EndDate = terms.EndDate,
            Seats = terms.Seats,
            Deposit = terms.Deposit,
        };
        provision.Move(null, ProvisionStates.Requested, by, null, now);
        return provision;
    }

    public ProvisionRefusal? Accept(Guid by, DateTimeOffset now) => MoveFrom([ProvisionStates.Requested], ProvisionStates.Accepted, by, null, now);

    public ProvisionRefusal? Decline(Guid by, string reason, DateTimeOffset now) => MoveFrom([ProvisionStates.Requested], ProvisionStates.Declined, by, reason, now);

    public ProvisionRefusal? Cancel(Guid by, DateTimeOffset now) => MoveFrom([ProvisionStates.Requested], ProvisionStates.Cancelled, by, null, now);

    /// <summary>Submits the roster after acceptance. Once registered, use <see cref="AmendRoster"/>.</summary>
    public ProvisionRefusal? SubmitRoster(IReadOnlyList<Guid> userIds, Guid by, DateTimeOffset now)
    {
        var refusal = MoveFrom([ProvisionStates.Accepted], ProvisionStates.RosterSubmitted, by, null, now);
        if (refusal is null)
        {
            Roster = [.. userIds];
        }
        return refusal;
    }

    /// <summary>Whether the roster is already registered, so a new list is an amendment rather than a submission.</summary>
    public bool IsRegistered => State is ProvisionStates.Registered or ProvisionStates.InProgress;

    /// <summary>
    /// Amends a registered roster to <paramref name="userIds"/>: removals take effect at once (a learner who made
    /// progress keeps the seat consumed), additions wait for the institution as a pending amendment that replaces any
    /// earlier one. Returns the people over the seat count, if any, and changes nothing then.
    /// </summary>
    public (ProvisionRefusal? Refusal, IReadOnlyList<Guid> Overflow) AmendRoster(IReadOnlyList<Guid> userIds, IReadOnlySet<Guid> progressed,
        Guid by, DateTimeOffset now)
    {
        if (!IsRegistered)
        {
            return (new ProvisionRefusal("provision-state", $"A {State} provision has no registered roster to amend."), []);
        }

        var wanted = userIds.ToHashSet();
        var kept = Roster.Where(wanted.Contains).ToList();
        var removed = Roster.Where(u => !wanted.Contains(u)).ToList();
        var consumed = ConsumedSeats.Union(removed.Where(progressed.Contains)).ToList();
        var additions = userIds.Where(u => !Roster.Contains(u)).Distinct().ToList();
        var overflow = SeatRule.Overflow(kept.Count + consumed.Count, additions, Seats);
        if (overflow.Count > 0)
        {
            return (null, overflow);
        }

        if (removed.Count == 0 && additions.SequenceEqual(PendingAdditions))
        {
            return (null, []);
        }

        Roster = kept;
        ConsumedSeats = consumed;
        PendingAdditions = additions;
        var note = $"roster amended: {removed.Count} removed" + (additions.Count > 0 ? $", {additions.Count} awaiting the institution" : string.Empty);
        Move(State, State, by, note, now);
        return (null, []);
    }

    /// <summary>Takes someone off every roster list at once (they left the company), keeping their seat if they made progress.</summary>
    public bool RemoveLearner(Guid userId, bool progressed, DateTimeOffset now)
    {
        var wasRostered = Roster.Remove(userId);
        var wasPending = PendingAdditions.Remove(userId);
        if (!wasRostered && !wasPending)
        {
            return false;
        }

        if (wasRostered && progressed && IsRegistered && !ConsumedSeats.Contains(userId))
        {
            ConsumedSeats.Add(userId);
        }
        Move(State, State, null, "a learner left the company", now);
        return true;
    }

    public ProvisionRefusal? ApproveAmendment(Guid by, DateTimeOffset now)
    {
        if (PendingAdditions.Count == 0 || !IsRegistered)
        {
            return new ProvisionRefusal("amendment-state", "There is no roster amendment waiting for approval.");
        }

        if (SeatRule.Overflow(Roster.Count + ConsumedSeats.Count, PendingAdditions, Seats).Count > 0)
        {
            return new ProvisionRefusal("amendment-state", "The seats no longer cover this amendment; the company must resubmit it.");
        }

        Roster = [.. Roster, .. PendingAdditions];
        var count = PendingAdditions.Count;
        PendingAdditions = [];
        Move(State, State, by, $"amendment approved: {count} added", now);
        return null;
    }

    public ProvisionRefusal? ReturnAmendment(Guid by, string reason, DateTimeOffset now)
    {
        if (PendingAdditions.Count == 0 || !IsRegistered)
        {
            return new ProvisionRefusal("amendment-state", "There is no roster amendment waiting for approval.");
        }

        PendingAdditions = [];
        Move(State, State, by, $"amendment returned: {reason}", now);
        return null;
    }

    /// <summary>The institution's decisions, by the word the bus command carries.</summary>
    public ProvisionRefusal? Decide(string decision, Guid by, string? reason, DateTimeOffset now)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? "(no reason given)" : reason.Trim();
        return decision switch
        {
            ProvisionDecisionKinds.Accept => Accept(by, now),
            ProvisionDecisionKinds.Decline => Decline(by, why, now),
            ProvisionDecisionKinds.ApproveRoster => ApproveRoster(by, now),
            ProvisionDecisionKinds.ReturnRoster => ReturnRoster(by, why, now),
            ProvisionDecisionKinds.ApproveAmendment => ApproveAmendment(by, now),
            ProvisionDecisionKinds.ReturnAmendment => ReturnAmendment(by, why, now),
            _ => new ProvisionRefusal("provision-decision", $"'{decision}' is not a decision an institution takes."),
        };
    }

    public ProvisionRefusal? ApproveRoster(Guid by, DateTimeOffset now) =>
        MoveFrom([ProvisionStates.RosterSubmitted], ProvisionStates.Registered, by, null, now);

    public ProvisionRefusal? ReturnRoster(Guid by, string reason, DateTimeOffset now) =>
        MoveFrom([ProvisionStates.RosterSubmitted], ProvisionStates.Accepted, by, reason, now);

    /// <summary>
    /// Moves a registered provision along by the calendar: computed from the dates, not from "today is the
    /// day", so a day the job did not run leaves nothing stuck. Returns whether anything changed.
    /// </summary>
    public bool CatchUp(DateOnly today, DateTimeOffset now)
    {
        var changed = false;
        if (State == ProvisionStates.Registered && today >= BeginDate)
        {
            Move(State, ProvisionStates.InProgress, null, "begin date reached", now);
            changed = true;
        }
        if (State == ProvisionStates.InProgress && today > EndDate)
        {
            Move(State, ProvisionStates.Finished, null, "end date passed", now);
            changed = true;
        }
        return changed;
    }

    public RosterAmendmentChanged ToAmendmentEvent() => new(Id, InstitutionId, CompanyId, [.. PendingAdditions], [.. ConsumedSeats], Version);

    public CourseProvisionChanged ToEvent() => new(Id, CompanyId, CompanyName, InstitutionId, InstitutionName, CourseId, CourseTitle,
        BeginDate, EndDate, Seats, Deposit, State, [.. Roster], [.. History], Version);

    private ProvisionRefusal? MoveFrom(string[] allowed, string to, Guid by, string? reason, DateTimeOffset now)
    {
        if (!allowed.Contains(State))
        {
            return new ProvisionRefusal("provision-state", $"A {State} provision cannot move to {to}.");
        }

        Move(State, to, by, reason, now);
        return null;
    }

    private void Move(string? from, string to, Guid? by, string? reason, DateTimeOffset now)
    {
        State = to;
        History.Add(new ProvisionTransition(from, to, by, reason, now));
        UpdatedAt = now;
        Version++;
    }
}

public sealed record ProvisionTerms(
    Guid CompanyId, string CompanyName, Guid InstitutionId, string InstitutionName, Guid CourseId, string CourseTitle,
    DateOnly BeginDate, DateOnly EndDate, int Seats, string? Deposit);
