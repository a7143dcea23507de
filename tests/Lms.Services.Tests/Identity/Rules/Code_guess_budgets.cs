using Lms.Identity.Accounts;

namespace Lms.Services.Tests.Identity.Rules;

public sealed class Code_guess_budgets
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Allow_ten_guesses_a_day_then_say_when_the_window_ends()
    {
        var budget = CodeGuessBudget.Open(Guid.NewGuid(), Now);

        var taken = Enumerable.Range(0, 11).Select(i => budget.TryTake(Now.AddMinutes(i))).ToList();

        Assert.Equal([.. Enumerable.Repeat(true, 10), false], taken);
        Assert.Equal(TimeSpan.FromHours(23), budget.RetryAfter(Now.AddHours(1)));
    }

    [Fact]
    public void Open_a_new_window_once_the_day_has_passed()
    {
        var budget = CodeGuessBudget.Open(Guid.NewGuid(), Now);
        for (var i = 0; i < 10; i++)
        {
            budget.TryTake(Now);
        }

        Assert.False(budget.TryTake(Now.AddHours(24).AddSeconds(-1)));
        Assert.True(budget.TryTake(Now.AddHours(24)));
        Assert.Equal(1, budget.Guesses);
    }
}
