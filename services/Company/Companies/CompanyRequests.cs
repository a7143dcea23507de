using System.ComponentModel.DataAnnotations;

namespace Lms.Company.Companies;

public sealed record CompanyRequest(
    [property: Required, MaxLength(100)] string Name,
    [property: Required, MaxLength(50)] string OwnerName,
    [property: Required, RegularExpression(@"^\d{3}-?\d{2}-?\d{5}$", ErrorMessage = "A business number is 10 digits (dashes allowed: 123-45-67890).")] string BusinessNumber,
    [property: Required, MaxLength(253), RegularExpression(@"^(?!-)([A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,}$", ErrorMessage = "Give the domain only, e.g. example.co.kr.")] string EmailDomain,
    [property: Required, Phone, MaxLength(20)] string Phone,
    [property: MaxLength(200)] string? Address = null) : IValidatableObject
{
    // Anyone can have an address at these; a company claiming one would let everybody in.
    private static readonly HashSet<string> PublicMailDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "naver.com", "daum.net", "hanmail.net", "kakao.com", "nate.com", "outlook.com", "hotmail.com",
        "yahoo.com", "icloud.com", "live.com", "msn.com", "proton.me", "protonmail.com",
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EmailDomain is not null && PublicMailDomains.Contains(EmailDomain.Trim()))
        {
            yield return new ValidationResult("A public mail domain cannot identify a company's employees.", [nameof(EmailDomain)]);
        }
    }

    public CompanyDetails ToDetails() =>
        new(Name, OwnerName, BusinessNumber.Replace("-", string.Empty, StringComparison.Ordinal), EmailDomain, Phone, Address);
}

public sealed record MemberView(Guid UserId, string? Name, string? Email, string Role, DateTimeOffset JoinedAt);

/// <summary>The company as its supervisors see it; <see cref="SuspendedAt"/> says since when a platform admin suspended it.</summary>
public sealed record CompanyResponse(
    Guid Id, string Name, string OwnerName, string BusinessNumber, string EmailDomain, string Phone, string? Address,
    DateTimeOffset CreatedAt, DateTimeOffset? SuspendedAt, IReadOnlyList<MemberView>? Members = null);

public sealed record CompanySearchItem(Guid Id, string Name, string EmailDomain);

public sealed record CompanySearchQuery(
    [property: MaxLength(100)] string? Q = null,
    [property: Range(1, 100_000)] int Page = 1,
    [property: Range(1, 100)] int Size = 20);

public sealed record EmailCheckQuery([property: Required, EmailAddress, MaxLength(256)] string Email);

public sealed record EmailCheckResponse(bool Matches, Guid? CompanyId, string? CompanyName);

public sealed record JoinRequest(
    [property: EmailAddress, MaxLength(256)] string? WorkEmail = null,
    [property: MaxLength(32)] string? InvitationCode = null);
