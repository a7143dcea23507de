using System.ComponentModel.DataAnnotations;

namespace Lms.Identity.Accounts;

public sealed record SignUpRequest(
    [property: Required, EmailAddress, MaxLength(256)] string Email,
    [property: Required, RegularExpression("^[A-Za-z0-9_.-]{3,32}$", ErrorMessage = "Use 3–32 letters, digits, '.', '_' or '-'.")] string Username,
    [property: Required, MinLength(8), MaxLength(128)] string Password,
    [property: Required, MaxLength(100)] string Name);

public sealed record SignUpResponse(Guid UserId, string Email, string Username, string Name);
