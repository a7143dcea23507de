using Microsoft.AspNetCore.Identity;

namespace Lms.Identity.Accounts;

/// <summary>A password must contain a letter (any script: 한글 counts), beside Identity's length and digit rules.</summary>
internal sealed class LetterPasswordValidator : IPasswordValidator<User>
{
    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password) =>
        Task.FromResult(password is not null && password.Any(char.IsLetter)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordRequiresLetter", Description = "Passwords must contain a letter." }));
}
