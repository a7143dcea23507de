using System.ComponentModel.DataAnnotations;

namespace Lms.Identity.Accounts;

public static class Genders
{
    public const string Male = "MALE";
    public const string Female = "FEMALE";
    public const string Other = "OTHER";
}

public sealed record SignUpRequest(
    [property: Required, EmailAddress, MaxLength(256)] string Email,
    [property: Required, RegularExpression("^[A-Za-z0-9_.-]{3,32}$", ErrorMessage = "Use 3–32 letters, digits, '.', '_' or '-'.")] string Username,
    [property: Required, MaxLength(128)] string Password,
    [property: Required, MaxLength(100)] string Name,
    DateOnly? BirthDate = null,
    [property: AllowedValues(null, Genders.Male, Genders.Female, Genders.Other)] string? Gender = null,
    [property: Phone, MaxLength(20)] string? Phone = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        BirthDateRule.Check(BirthDate, nameof(BirthDate));
}

public sealed record SignUpResponse(Guid UserId, string Email, string Username, string Name);

public sealed record ConfirmRequest(
    [property: Required, EmailAddress, MaxLength(256)] string Email,
    [property: Required, RegularExpression("^[0-9]{6}$", ErrorMessage = "The code is 6 digits.")] string Code);

public sealed record ResendRequest([property: Required, EmailAddress, MaxLength(256)] string Email);

public sealed record MeResponse(Guid UserId, string Username, string Email, IReadOnlyList<string> Roles, Guid? OrganisationId, string? OrganisationType);

public sealed record ProfileResponse(string Name, DateOnly? BirthDate, string? Gender, string? Phone, string Email);

public sealed record UpdateProfileRequest(
    [property: Required, MaxLength(100)] string Name,
    DateOnly? BirthDate = null,
    [property: AllowedValues(null, Genders.Male, Genders.Female, Genders.Other)] string? Gender = null,
    [property: Phone, MaxLength(20)] string? Phone = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        BirthDateRule.Check(BirthDate, nameof(BirthDate));
}

internal static class BirthDateRule
{
    public static IEnumerable<ValidationResult> Check(DateOnly? birthDate, string member)
    {
        if (birthDate is { } date && (date < new DateOnly(1900, 1, 1) || date > DateOnly.FromDateTime(DateTime.UtcNow)))
        {
            yield return new ValidationResult("The birth date must be between 1900-01-01 and today.", [member]);
        }
    }
}
