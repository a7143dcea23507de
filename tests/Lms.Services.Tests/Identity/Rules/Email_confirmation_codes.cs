using Lms.Identity.Accounts;

namespace Lms.Services.Tests.Identity.Rules;

public sealed class Email_confirmation_codes
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Accept_the_issued_code()
    {
        var (confirmation, code) = EmailConfirmation.Issue(Guid.NewGuid(), Now);

        Assert.Equal(ConfirmationResult.Confirmed, Guess(confirmation, code, Now.AddHours(1)));
    }

    [Fact]
    public void Expire_after_24_hours()
    {
        var (confirmation, code) = EmailConfirmation.Issue(Guid.NewGuid(), Now);

        Assert.Equal(ConfirmationResult.Expired, Guess(confirmation, code, Now.AddHours(24).AddSeconds(1)));
    }

    [Fact]
    public void Are_used_up_by_five_wrong_guesses()
    {
        var (confirmation, code) = EmailConfirmation.Issue(Guid.NewGuid(), Now);
        var wrong = code == "000000" ? "111111" : "000000";

        var results = Enumerable.Range(0, 5).Select(_ => Guess(confirmation, wrong, Now)).ToList();

        Assert.Equal([.. Enumerable.Repeat(ConfirmationResult.WrongCode, 4), ConfirmationResult.TooManyAttempts], results);
        Assert.Equal(ConfirmationResult.TooManyAttempts, Guess(confirmation, code, Now));
    }

    [Fact]
    public void Are_replaced_by_a_renewal_which_resets_the_guesses()
    {
        var (confirmation, first) = EmailConfirmation.Issue(Guid.NewGuid(), Now);
        for (var i = 0; i < 5; i++)
        {
            Guess(confirmation, first == "000000" ? "111111" : "000000", Now);
        }

        var second = confirmation.Renew(Now.AddMinutes(2));

        Assert.Equal(ConfirmationResult.Confirmed, Guess(confirmation, second, Now.AddMinutes(3)));
    }

    [Fact]
    public void Refuse_a_sixth_reservation()
    {
        var (confirmation, _) = EmailConfirmation.Issue(Guid.NewGuid(), Now);

        var reserved = Enumerable.Range(0, 6).Select(_ => confirmation.TryReserveAttempt()).ToList();

        Assert.Equal([true, true, true, true, true, false], reserved);
    }

    // What the endpoint does: reserve a guess, then judge it.
    private static ConfirmationResult Guess(EmailConfirmation confirmation, string code, DateTimeOffset now) =>
        confirmation.TryReserveAttempt() ? confirmation.Verify(code, now) : ConfirmationResult.TooManyAttempts;

    [Fact]
    public void Are_not_resent_within_a_minute()
    {
        var (confirmation, _) = EmailConfirmation.Issue(Guid.NewGuid(), Now);

        Assert.False(confirmation.MayResend(Now.AddSeconds(59)));
        Assert.True(confirmation.MayResend(Now.AddSeconds(60)));
    }

    [Fact]
    public void Are_six_digits_and_never_stored_in_clear()
    {
        var (confirmation, code) = EmailConfirmation.Issue(Guid.NewGuid(), Now);

        Assert.Matches("^[0-9]{6}$", code);
        Assert.DoesNotContain(code, confirmation.CodeHash, StringComparison.Ordinal);
    }
}
