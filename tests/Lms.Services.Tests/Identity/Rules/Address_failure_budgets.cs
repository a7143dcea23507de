using Lms.Identity.SignInGuard;
using Lms.Services.Tests.Support;
using Microsoft.Extensions.Options;

namespace Lms.Services.Tests.Identity.Rules;

public sealed class Address_failure_budgets
{
    private readonly ShiftedClock _clock = new();
    private readonly AddressFailureBudget _budget;

    public Address_failure_budgets() =>
        _budget = new AddressFailureBudget(Options.Create(new SignInGuardOptions { FailuresPerAddress = 3, FailureWindow = TimeSpan.FromMinutes(15) }), _clock);

    [Fact]
    public void Refuses_once_the_failures_are_spent_and_says_when_one_comes_back()
    {
        Fail("192.0.2.1", times: 3);

        var retryAfter = _budget.TryBegin("192.0.2.1");

        // Three failures per 15 minutes come back one every 5 minutes.
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromMinutes(4.9), TimeSpan.FromMinutes(5.1));
    }

    [Fact]
    public void Counts_attempts_still_running_so_parallel_guesses_cannot_overrun_it()
    {
        var admitted = Enumerable.Range(0, 10).Count(_ => _budget.TryBegin("192.0.2.2") is null);

        Assert.Equal(3, admitted);
    }

    [Fact]
    public void A_successful_sign_in_gives_its_attempt_back()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(_budget.TryBegin("192.0.2.3"));
            _budget.End("192.0.2.3", SignInOutcome.Succeeded);
        }
    }

    [Fact]
    public void Comes_back_a_failure_at_a_time()
    {
        Fail("192.0.2.4", times: 3);

        _clock.Advance(TimeSpan.FromMinutes(5.1));

        Assert.Null(_budget.TryBegin("192.0.2.4"));
        Assert.NotNull(_budget.TryBegin("192.0.2.4"));
    }

    [Fact]
    public void Is_kept_per_address()
    {
        Fail("192.0.2.5", times: 3);

        Assert.Null(_budget.TryBegin("192.0.2.6"));
    }

    [Fact]
    public void Standing_is_unknown_then_suspect_after_a_failure_then_trusted_after_a_success()
    {
        var before = _budget.StandingOf("192.0.2.7");
        Fail("192.0.2.7", times: 1);
        var afterFailure = _budget.StandingOf("192.0.2.7");
        Assert.Null(_budget.TryBegin("192.0.2.7"));
        _budget.End("192.0.2.7", SignInOutcome.Succeeded);

        Assert.Equal(AddressStanding.Unknown, before);
        Assert.Equal(AddressStanding.Suspect, afterFailure);
        Assert.Equal(AddressStanding.Trusted, _budget.StandingOf("192.0.2.7"));
    }

    [Fact]
    public void Forgets_addresses_that_have_recovered()
    {
        Fail("192.0.2.8", times: 1);
        _clock.Advance(TimeSpan.FromMinutes(16));

        _budget.TryBegin("192.0.2.9");

        Assert.Equal(1, _budget.TrackedAddresses);
    }

    private void Fail(string address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Null(_budget.TryBegin(address));
            _budget.End(address, SignInOutcome.Failed);
        }
    }
}
