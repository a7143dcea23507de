using System.ComponentModel.DataAnnotations;
using Lms.Institution.Institutions;
using Lms.ServiceDefaults.Administration;

namespace Lms.Institution.Administration;

public sealed record AdminInstitutionQuery(
    [property: MaxLength(100)] string? Q = null,
    [property: AllowedValues(null, OrganisationStates.Active, OrganisationStates.Suspended, ErrorMessage = "Use ACTIVE or SUSPENDED.")] string? State = null,
    [property: Range(1, 100_000)] int Page = 1,
    [property: Range(1, 100)] int Size = 20);

/// <summary>An institution as admins see it in a list.</summary>
public sealed record AdminInstitutionView(
    Guid Id, string Name, string OwnerName, string BusinessNumber, string CertifiedNumber, string Email, string Phone, string State,
    DateTimeOffset CreatedAt, DateTimeOffset? SuspendedAt, int ManagerCount, int PublishedCourseCount);

/// <summary>One institution with its managers.</summary>
public sealed record AdminInstitutionDetail(
    Guid Id, string Name, string OwnerName, string BusinessNumber, string CertifiedNumber, string Email, string Phone, string? Address,
    string? Website, string State, DateTimeOffset CreatedAt, DateTimeOffset? SuspendedAt, int PublishedCourseCount,
    IReadOnlyList<ManagerResponse> Managers);
