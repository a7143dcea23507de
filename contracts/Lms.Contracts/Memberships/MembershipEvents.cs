namespace Lms.Contracts.Memberships;

/// <summary>Roles a company member can hold; sent as these strings.</summary>
public static class CompanyMemberRoles
{
    public const string Supervisor = "SUPERVISOR";
    public const string Employee = "EMPLOYEE";
}

/// <summary>A user became a manager of an institution (created it, or was added by a manager).</summary>
public sealed record InstitutionManagerAdded(Guid InstitutionId, Guid UserId, DateTimeOffset OccurredAt);

/// <summary>A user is no longer a manager of an institution.</summary>
public sealed record InstitutionManagerRemoved(Guid InstitutionId, Guid UserId, DateTimeOffset OccurredAt);

/// <summary>A user joined a company (created it as supervisor, or joined as employee).</summary>
public sealed record CompanyMemberJoined(Guid CompanyId, Guid UserId, string Role, DateTimeOffset OccurredAt);

/// <summary>A company member was promoted or demoted.</summary>
public sealed record CompanyMemberRoleChanged(Guid CompanyId, Guid UserId, string Role, DateTimeOffset OccurredAt);

/// <summary>A user left a company or was removed from it.</summary>
public sealed record CompanyMemberLeft(Guid CompanyId, Guid UserId, DateTimeOffset OccurredAt);
