using Lms.Contracts.Identity;

namespace Lms.Identity.Accounts;

/// <summary>A person's sign-in account. Email and username are unique regardless of case.</summary>
public sealed class Account
{
    private Account()
    {
    }

    public Guid Id { get; private set; }

    public string Email { get; private set; } = string.Empty;

    public string NormalizedEmail { get; private set; } = string.Empty;

    public string Username { get; private set; } = string.Empty;

    public string NormalizedUsername { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string PasswordHash { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public static Account Register(string email, string username, string name, Func<Account, string> hashPassword, DateTimeOffset now)
    {
        var account = new Account
        {
            Id = Guid.CreateVersion7(),
            Email = email.Trim(),
            NormalizedEmail = Normalize(email),
            Username = username.Trim(),
            NormalizedUsername = Normalize(username),
            Name = name.Trim(),
            CreatedAt = now,
        };
        account.PasswordHash = hashPassword(account);
        return account;
    }

    public UserRegistered ToRegisteredEvent() => new(Id, Email, Username, Name, CreatedAt);

    /// <summary>The form uniqueness is decided on: trimmed, upper-case invariant.</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();
}
