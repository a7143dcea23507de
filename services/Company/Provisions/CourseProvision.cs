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

    /// <summary>
    /// Submits the roster after acceptance; once registered, the same call amends the roster, which takes effect
    /// at once (the student service adds and cancels enrollments to match).
    /// </summary>
    public ProvisionRefusal? SubmitRoster(IReadOnlyList<Guid> userIds, Guid by, DateTimeOffset now)
    {
        if (State is ProvisionStates.Registered or ProvisionStates.InProgress)
        {
            Roster = [.. userIds];
            Move(State, State, by, "roster amended", now);
            return null;
        }

        var refusal = MoveFrom([ProvisionStates.Accepted], ProvisionStates.RosterSubmitted, by, null, now);
        if (refusal is null)
        {
            Roster = [.. userIds];
        }
        return refusal;
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
