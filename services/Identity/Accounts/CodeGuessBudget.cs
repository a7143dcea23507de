namespace Lms.Identity.Accounts;

/// <summary>
/// One guess budget per unconfirmed account, shared by every confirmation code it is sent: ten guesses a day
/// whatever the number of codes, so asking for a new code buys no new guesses. A guess is taken before it is judged
/// and given back when it was right, so only wrong guesses count. (A password reset code has a budget of its own,
/// <see cref="Passwords.PasswordReset.MaxWrongGuesses"/>: guesses at a confirmed account must not lock its owner out.)
/// </summary>
public sealed class CodeGuessBudget
{
    public const int MaxWrongGuesses = 10;
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private CodeGuessBudget()
    {
    }

    public Guid UserId { get; private set; }

    /// <summary>When the current 24-hour window began: at the first guess after the previous one ended.</summary>
    public DateTimeOffset WindowStartedAt { get; private set; }

    /// <summary>Guesses taken in the current window and not given back.</summary>
    public int Guesses { get; private set; }

    public static CodeGuessBudget Open(Guid userId, DateTimeOffset now) => new() { UserId = userId, WindowStartedAt = now };

    public bool WindowEnded(DateTimeOffset now) => now - WindowStartedAt >= Window;

    /// <summary>
    /// Takes a guess; false when the window's guesses are used up. The endpoints take it with one SQL statement
    /// (see <see cref="CodeGuesses"/>) so that parallel guesses cannot overrun the budget; this is the same rule.
    /// </summary>
    public bool TryTake(DateTimeOffset now)
    {
        if (WindowEnded(now))
        {
            WindowStartedAt = now;
            Guesses = 0;
        }

        if (Guesses >= MaxWrongGuesses)
        {
            return false;
        }

        Guesses++;
        return true;
    }

    /// <summary>How long until guesses are taken again (at least a second).</summary>
    public TimeSpan RetryAfter(DateTimeOffset now)
    {
        var left = WindowStartedAt + Window - now;
        return left < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : left;
    }
}
