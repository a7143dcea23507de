namespace Lms.Contracts.Administration;

/// <summary>What a platform admin did, sent as these words (<see cref="AdminActionRecorded.Action"/>).</summary>
public static class AdminActionKinds
{
    public const string AccountSuspended = "ACCOUNT_SUSPENDED";
    public const string AccountReinstated = "ACCOUNT_REINSTATED";
    public const string AdminGranted = "ADMIN_GRANTED";
    public const string AdminRevoked = "ADMIN_REVOKED";
    public const string InstitutionSuspended = "INSTITUTION_SUSPENDED";
    public const string InstitutionReinstated = "INSTITUTION_REINSTATED";
    public const string CompanySuspended = "COMPANY_SUSPENDED";
    public const string CompanyReinstated = "COMPANY_REINSTATED";
}

/// <summary>What an admin action was aimed at, sent as these words (<see cref="AdminActionRecorded.TargetType"/>).</summary>
public static class AdminTargetTypes
{
    public const string User = "user";
    public const string Institution = "institution";
    public const string Company = "company";
}

/// <summary>
/// A platform admin acted on something a service owns. The identity service keeps the one audit trail admins read: it
/// records its own actions directly and these, from the other services, by <paramref name="ActionId"/> (once, however
/// often delivered). <paramref name="TargetName"/> is the target's name at the time, so the trail reads without it.
/// </summary>
public sealed record AdminActionRecorded(
    Guid ActionId,
    Guid AdminId,
    string Action,
    string TargetType,
    Guid TargetId,
    string TargetName,
    string Reason,
    DateTimeOffset OccurredAt);
