namespace Lms.Contracts.Provisions;

/// <summary>The decisions an institution takes on a provision, sent as these words.</summary>
public static class ProvisionDecisionKinds
{
    public const string Accept = "accept";
    public const string Decline = "decline";
    public const string ApproveRoster = "approve-roster";
    public const string ReturnRoster = "return-roster";
    public const string ApproveAmendment = "approve-amendment";
    public const string ReturnAmendment = "return-amendment";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Accept, Decline, ApproveRoster, ReturnRoster, ApproveAmendment, ReturnAmendment,
    };
}

/// <summary>
/// A command (request/response) from the institution service to the company service, which keeps the authoritative
/// provision record. <paramref name="IdempotencyKey"/> is the same for a retry of the same decision on the same version
/// of the provision, so a decision the company applied before its answer was lost is answered again, not applied twice.
/// </summary>
public sealed record DecideProvision(
    Guid IdempotencyKey, Guid ProvisionId, Guid InstitutionId, Guid DecidedBy, string Decision, string? Reason);

/// <summary>The decision was applied (now, or by an earlier delivery of the same key): the provision as it stands after it.</summary>
public sealed record ProvisionDecisionApplied(Guid ProvisionId, string State, long Version, CourseProvisionChanged Provision);

/// <summary>The provision is not in a state the decision applies to; <paramref name="State"/> is where it is.</summary>
public sealed record ProvisionDecisionRefused(Guid ProvisionId, string State, string Title);

/// <summary>No provision with that id belongs to the institution named in the command.</summary>
public sealed record ProvisionDecisionNotFound(Guid ProvisionId);

/// <summary>
/// The roster amendment of a registered provision after any change: the employees waiting for the institution's
/// approval (empty when none) and the seats kept by learners who left after making progress. Ordered by
/// <paramref name="Version"/>, the same version as the <see cref="CourseProvisionChanged"/> it accompanies.
/// </summary>
public sealed record RosterAmendmentChanged(
    Guid ProvisionId, Guid InstitutionId, Guid CompanyId, IReadOnlyList<Guid> PendingAdditions, IReadOnlyList<Guid> ConsumedSeats, long Version);
