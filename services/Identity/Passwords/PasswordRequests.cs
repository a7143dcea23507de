using System.ComponentModel.DataAnnotations;

namespace Lms.Identity.Passwords;

public sealed record ForgotPasswordRequest([property: Required, MaxLength(256)] string Login);

public sealed record ResetPasswordRequest(
    [property: Required, EmailAddress, MaxLength(256)] string Email,
    [property: Required, RegularExpression("^[0-9]{6}$", ErrorMessage = "The code is 6 digits.")] string Code,
    [property: Required, MaxLength(128)] string NewPassword);

public sealed record ChangePasswordRequest(
    [property: Required, MaxLength(128)] string CurrentPassword,
    [property: Required, MaxLength(128)] string NewPassword);
