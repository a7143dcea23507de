using System.ComponentModel.DataAnnotations;

namespace Lms.Institution.Institutions;

public sealed record InstitutionRequest(
    [property: Required, MaxLength(100)] string Name,
    [property: Required, MaxLength(50)] string OwnerName,
    [property: Required, RegularExpression(@"^\d{3}-?\d{2}-?\d{5}$", ErrorMessage = "A business number is 10 digits (dashes allowed: 123-45-67890).")] string BusinessNumber,
    [property: Required, MaxLength(50)] string CertifiedNumber,
    [property: Required, EmailAddress, MaxLength(256)] string Email,
    [property: Required, Phone, MaxLength(20)] string Phone,
    [property: MaxLength(200)] string? Address = null,
    [property: Url, MaxLength(200)] string? Website = null,
    [property: MaxLength(2000)] string? Description = null)
{
    public InstitutionDetails ToDetails() => new(Name, OwnerName, BusinessNumber.Replace("-", string.Empty, StringComparison.Ordinal),
        CertifiedNumber, Email, Phone, Address, Website, Description);
}

/// <summary>The institution as its managers see it; <see cref="SuspendedAt"/> says since when a platform admin suspended it.</summary>
public sealed record InstitutionResponse(
    Guid Id, string Name, string OwnerName, string BusinessNumber, string CertifiedNumber, string Email, string Phone,
    string? Address, string? Website, string? Description, DateTimeOffset CreatedAt, DateTimeOffset? SuspendedAt)
{
    public static InstitutionResponse From(Institution i) =>
        new(i.Id, i.Name, i.OwnerName, i.BusinessNumber, i.CertifiedNumber, i.Email, i.Phone, i.Address, i.Website, i.Description, i.CreatedAt,
            i.SuspendedAt);
}

/// <summary>What any signed-in person may see of an institution.</summary>
public sealed record PublicInstitutionResponse(Guid Id, string Name, string? Website, string? Description);


public sealed record ManagerResponse(Guid UserId, string? Name, string? Email, DateTimeOffset AddedAt);
