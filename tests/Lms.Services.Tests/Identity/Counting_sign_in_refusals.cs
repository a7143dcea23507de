using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Lms.Identity.Sessions;
using Lms.Services.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Identity;

/// <summary>
/// Refused sign-ins are counted by reason (docs/OPERATIONS.md, "Metrics"): the caller hears one answer for an unknown
/// login, a wrong password and an unconfirmed account, the operator sees which it was.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Counting_sign_in_refusals(Platform platform)
{
    private HttpClient Client => platform.Identity.Client;

    private MetricRecorder Refusals() =>
        new(SignInMetrics.MeterName, "lms.identity.sign_in.refusals", platform.Identity.Services.GetRequiredService<IMeterFactory>());

    private Task<HttpResponseMessage> SignInAsync(string login, string password) =>
        Client.PostAsJsonAsync("/identity/v1/signin", new { login, password });

    private static double Count(MetricRecorder refusals, string reason) => refusals.Sum(m => m.Tag("lms.refusal.reason") == reason);

    [Fact]
    public async Task Tells_an_unknown_login_a_wrong_password_and_an_unconfirmed_account_apart()
    {
        using var refusals = Refusals();
        var confirmed = NewAccounts.Unique();
        await Client.SignUpConfirmedAsync(platform.Mail, confirmed);
        var unconfirmed = NewAccounts.Unique();
        await Client.SignUpAsync(unconfirmed);

        var answers = new[]
        {
            await SignInAsync($"nobody.{Guid.NewGuid():N}@example.com", "whatever it is 1"),
            await SignInAsync(confirmed.Email, "not the password 1"),
            await SignInAsync(unconfirmed.Email, unconfirmed.Password),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        Assert.Equal(1, Count(refusals, SignInMetrics.UnknownLogin));
        Assert.Equal(1, Count(refusals, SignInMetrics.WrongPassword));
        Assert.Equal(1, Count(refusals, SignInMetrics.Unconfirmed));
        await Client.SignInAsync(confirmed.Email, confirmed.Password);
        Assert.Equal(3, refusals.Sum());
    }

    [Fact]
    public async Task Counts_an_attempt_on_a_locked_account_as_locked_out()
    {
        using var refusals = Refusals();
        var account = NewAccounts.Unique();
        await Client.SignUpConfirmedAsync(platform.Mail, account);
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(account.Username, $"wrong password {i}");
        }

        var locked = await SignInAsync(account.Username, account.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal(5, Count(refusals, SignInMetrics.WrongPassword));
        Assert.Equal(1, Count(refusals, SignInMetrics.LockedOut));
    }
}
