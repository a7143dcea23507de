using System.ComponentModel.DataAnnotations;
using Lms.Company.Companies;
using Lms.ServiceDefaults.Administration;

namespace Lms.Company.Administration;

public sealed record AdminCompanyQuery(
    [property: MaxLength(100)] string? Q = null,
    [property: AllowedValues(null, OrganisationStates.Active, OrganisationStates.Suspended, ErrorMessage = "Use ACTIVE or SUSPENDED.")] string? State = null,
    [property: Range(1, 100_000)] int Page = 1,
    [property: Range(1, 100)] int Size = 20);

/// <summary>A company as admins see it in a list.</summary>
public sealed record AdminCompanyView(
    Guid Id, string Name, string OwnerName, string BusinessNumber, string EmailDomain, string Phone, string State,
    DateTimeOffset CreatedAt, DateTimeOffset? SuspendedAt, int MemberCount);

/// <summary>One company with its supervisors (employees are counted, not listed).</summary>
public sealed record AdminCompanyDetail(
    Guid Id, string Name, string OwnerName, string BusinessNumber, string EmailDomain, string Phone, string? Address, string State,
    DateTimeOffset CreatedAt, DateTimeOffset? SuspendedAt, int MemberCount, IReadOnlyList<MemberView> Supervisors);
