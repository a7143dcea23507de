namespace Lms.Contracts.Provisions;

/// <summary>The provision states, sent as these words.</summary>
public static class ProvisionStates
{
    public const string Requested = "REQUESTED";
    public const string Accepted = "ACCEPTED";
    public const string Declined = "DECLINED";
    public const string Cancelled = "CANCELLED";
    public const string RosterSubmitted = "ROSTER_SUBMITTED";
    public const string Registered = "REGISTERED";
    public const string InProgress = "IN_PROGRESS";
    public const string Finished = "FINISHED";
}

/// <summary>One move of a provision: who, when, from, to, and why when a reason was given.</summary>
public sealed record ProvisionTransition(string? From, string To, Guid? By, string? Reason, DateTimeOffset At);

/// <summary>
/// A course provision (코스 제공) after any transition, as the company service — which keeps the authoritative
/// record — sees it. The institution and student services keep their copies by the highest version.
/// </summary>
public sealed record CourseProvisionChanged(
    Guid ProvisionId,
    Guid CompanyId,
    string CompanyName,
    Guid InstitutionId,
    string InstitutionName,
    Guid CourseId,
    string CourseTitle,
    DateOnly BeginDate,
    DateOnly EndDate,
    int Seats,
    string? Deposit,
    string State,
    IReadOnlyList<Guid> Roster,
    IReadOnlyList<ProvisionTransition> History,
    long Version);
