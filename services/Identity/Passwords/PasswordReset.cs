using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Lms.Identity.Passwords;

/// <summary>
/// A pending password reset: a 6-digit code emailed to a confirmed account, stored only as a slow hash, valid
/// 15 minutes and spent by the reset that uses it. The code has a guess budget of its own: after
/// <see cref="MaxWrongGuesses"/> wrong guesses it is void, and the next code asked for starts afresh. Guesses at an
/// account that has no pending code cost it nothing, so nobody can block another person's recovery by guessing.
/// </summary>
/// <remarks>
/// At most <see cref="MaxWrongGuesses"/> guesses per code and one code a minute (<see cref="ResendInterval"/>) bound
/// guessing at five a minute per account, each new code mailed to its owner; the gateway's limits per address and per
/// account come on top.
/// </remarks>
public sealed class PasswordReset
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(1);

    /// <summary>Wrong guesses after which the code is void: even the right code is refused, and a new one must be asked for.</summary>
    public const int MaxWrongGuesses = 5;

    private static readonly PasswordHasher<PasswordReset> Hasher = new();

    private PasswordReset()
    {
    }

    public Guid UserId { get; private set; }

    public string CodeHash { get; private set; } = string.Empty;

    public DateTimeOffset SentAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Guesses taken on the current code and not given back (a right one is given back).</summary>
    public int WrongGuesses { get; private set; }

    public static (PasswordReset Reset, string Code) Issue(Guid userId, DateTimeOffset now)
    {
        var reset = new PasswordReset { UserId = userId };
        return (reset, reset.Renew(now));
    }

    /// <summary>A new code replacing the old one (which stops working), with guesses of its own.</summary>
    public string Renew(DateTimeOffset now)
    {
        var code = NewCode();
        CodeHash = Hasher.HashPassword(this, code);
        SentAt = now;
        ExpiresAt = now + Lifetime;
        WrongGuesses = 0;
        return code;
    }

    /// <summary>
    /// The hashing work of issuing a code, done and thrown away when no code is sent, so an answer for an
    /// unknown or unconfirmed login takes as long as one that sends mail.
    /// </summary>
    public static void HashDecoy() => Hasher.HashPassword(new PasswordReset(), NewCode());

    /// <summary>The work of judging a code, for when there is no code to judge.</summary>
    public static void VerifyDecoy(string code) => Hasher.VerifyHashedPassword(new PasswordReset(), DecoyHash, code);

    public bool MayResend(DateTimeOffset now) => now - SentAt >= ResendInterval;

    public bool IsExpired(DateTimeOffset now) => now > ExpiresAt;

    /// <summary>Whether <paramref name="code"/> is this reset's code; the hash is checked even when expired, so timing says nothing.</summary>
    public bool Matches(string code) => Hasher.VerifyHashedPassword(this, CodeHash, code.Trim()) != PasswordVerificationResult.Failed;

    private static readonly string DecoyHash = Hasher.HashPassword(new PasswordReset(), NewCode());

    private static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
}
