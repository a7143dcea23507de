using System.ComponentModel.DataAnnotations;
using Lms.Contracts.Administration;
using Lms.Identity.Accounts;
using Lms.ServiceDefaults.Security;

namespace Lms.Identity.Administration;

public sealed record AdminUserQuery(
    [property: MaxLength(100)] string? Q = null,
    [property: AllowedValues(null, AccountStates.Active, AccountStates.Suspended, AccountStates.Unconfirmed,
        ErrorMessage = "Use ACTIVE, SUSPENDED or UNCONFIRMED.")] string? State = null,
    [property: AllowedValues(null, Roles.Visitor, Roles.InstitutionManager, Roles.CompanySupervisor, Roles.Employee, Roles.Admin,
        ErrorMessage = "Use Visitor, InstitutionManager, CompanySupervisor, Employee or Admin.")] string? Role = null,
    [property: Range(1, 100_000)] int Page = 1,
    [property: Range(1, 100)] int Size = 20);

/// <summary>An account as admins see it: <see cref="Roles"/> are those its next token carries.</summary>
public sealed record AdminUserView(
    Guid Id, string Email, string Username, string Name, IReadOnlyList<string> Roles, string State, Guid? OrganisationId, string? OrganisationType,
    DateTimeOffset CreatedAt, DateTimeOffset? SuspendedAt)
{
    public static AdminUserView From(User user, bool isAdmin) => new(
        user.Id, user.Email ?? string.Empty, user.UserName ?? string.Empty, user.Name,
        user.TokenRoles(isAdmin ? [ServiceDefaults.Security.Roles.Admin] : []), user.State,
        user.Organisation?.OrganisationId, user.Organisation?.OrganisationType, user.CreatedAt, user.SuspendedAt);
}

public sealed record AdminActionQuery(
    [property: AllowedValues(null, AdminTargetTypes.User, AdminTargetTypes.Institution, AdminTargetTypes.Company,
        ErrorMessage = "Use user, institution or company.")] string? TargetType = null,
    Guid? TargetId = null,
    Guid? AdminId = null,
    [property: Range(1, 100_000)] int Page = 1,
    [property: Range(1, 100)] int Size = 20);

/// <summary>One entry of the audit trail, with the admin's current name and email (null if the account is gone).</summary>
public sealed record AdminActionView(
    Guid Id, DateTimeOffset OccurredAt, string Action, string TargetType, Guid TargetId, string TargetName, string Reason,
    Guid AdminId, string? AdminName, string? AdminEmail);
