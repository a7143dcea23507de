using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Lms.Identity.Accounts;

public enum ConfirmationResult
{
    Confirmed,
    WrongCode,
    Expired,
    TooManyAttempts,
}

/// <summary>
/// The 6-digit code that proves a person owns their email: valid 24 hours, at most five wrong tries, stored
/// only as a slow hash. A new code replaces the old one and resets the tries.
/// </summary>
public sealed class EmailConfirmation
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(1);

    private static readonly PasswordHasher<EmailConfirmation> Hasher = new();

    private EmailConfirmation()
    {
    }

    public Guid UserId { get; private set; }

    public string CodeHash { get; private set; } = string.Empty;

    public DateTimeOffset SentAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Guesses made on the current code, the right one included.</summary>
    public int Attempts { get; private set; }

    /// <summary>A fresh confirmation and its code, which is only ever sent by email.</summary>
    public static (EmailConfirmation Confirmation, string Code) Issue(Guid userId, DateTimeOffset now)
    {
        var confirmation = new EmailConfirmation { UserId = userId };
        return (confirmation, confirmation.Renew(now));
    }

    public string Renew(DateTimeOffset now)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        CodeHash = Hasher.HashPassword(this, code);
        SentAt = now;
        ExpiresAt = now + Lifetime;
        Attempts = 0;
        return code;
    }

    /// <summary>Resending is throttled per account, so nobody can flood an inbox.</summary>
    public bool MayResend(DateTimeOffset now) => now - SentAt >= ResendInterval;

    /// <summary>
    /// Takes one of the five guesses; false once they are used up. The endpoint takes it with one SQL statement
    /// (see <c>SignUpEndpoints</c>) so that parallel guesses cannot overrun the limit.
    /// </summary>
    public bool TryReserveAttempt()
    {
        if (Attempts >= MaxAttempts)
        {
            return false;
        }

        Attempts++;
        return true;
    }

    /// <summary>Judges a guess already reserved; changes nothing.</summary>
    public ConfirmationResult Verify(string code, DateTimeOffset now)
    {
        if (now > ExpiresAt)
        {
            return ConfirmationResult.Expired;
        }

        if (Hasher.VerifyHashedPassword(this, CodeHash, code.Trim()) != PasswordVerificationResult.Failed)
        {
            return ConfirmationResult.Confirmed;
        }

        return Attempts >= MaxAttempts ? ConfirmationResult.TooManyAttempts : ConfirmationResult.WrongCode;
    }
}
