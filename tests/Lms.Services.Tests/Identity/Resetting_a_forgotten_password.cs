using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lms.Identity.Passwords;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Identity;

[Collection(PlatformGroup.Name)]
public sealed class Resetting_a_forgotten_password(Platform platform)
{
    private const string NewPassword = "a brand new secret 42";

    private HttpClient Client => platform.Identity.Client;

    [Fact]
    public async Task The_emailed_code_sets_a_new_password_and_the_old_one_stops_working()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpConfirmedAsync(platform.Mail, account);

        var forgot = await Client.PostAsJsonAsync("/identity/v1/password/forgot", new { login = account.Username });
        var code = await ResetCodeAsync(account.Email);
        var reset = await Client.PostAsJsonAsync("/identity/v1/password/reset", new { account.Email, code, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(account.Email, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(account.Email, account.Password)).StatusCode);
    }

    [Fact]
    public async Task The_code_is_stored_only_as_a_hash_and_works_once()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpConfirmedAsync(platform.Mail, account);
        await Client.PostAsJsonAsync("/identity/v1/password/forgot", new { login = account.Email });
        var code = await ResetCodeAsync(account.Email);
        var stored = await platform.Identity.WithDbAsync(db => db.PasswordResets.AsNoTracking()
            .SingleAsync(r => db.Users.Any(u => u.Id == r.UserId && u.Email == account.Email)));

        var first = await Client.PostAsJsonAsync("/identity/v1/password/reset", new { account.Email, code, newPassword = NewPassword });
        var again = await Client.PostAsJsonAsync("/identity/v1/password/reset", new { account.Email, code, newPassword = "yet another secret 7" });

        Assert.DoesNotContain(code, stored.CodeHash, StringComparison.Ordinal);
        Assert.True(stored.ExpiresAt - stored.SentAt <= TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await again.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(account.Email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task An_expired_code_is_refused_and_the_password_stays()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpConfirmedAsync(platform.Mail, account);
        await Client.PostAsJsonAsync("/identity/v1/password/forgot", new { login = account.Email });
        var code = await ResetCodeAsync(account.Email);
        await platform.Identity.WithDbAsync(db => db.PasswordResets
            .Where(r => db.Users.Any(u => u.Id == r.UserId && u.Email == account.Email))
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));

        var reset = await Client.PostAsJsonAsync("/identity/v1/password/reset", new { account.Email, code, newPassword = NewPassword });

        var problem = await reset.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("https://lms.example/problems/reset-code-expired", problem.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(account.Email, account.Password)).StatusCode);
    }

    [Fact]
    public async Task A_reset_ends_every_session_and_their_access_tokens_get_401_on_the_next_call()
    {
        var account = NewAccounts.Unique();
        var laptop = await Client.SignedInAsync(platform.Mail, account);
        var phone = await Client.SignInAsync(account.Username, account.Password);
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(laptop.AccessToken)).StatusCode);

        await Client.PostAsJsonAsync("/identity/v1/password/forgot", new { login = account.Email });
        var code = await ResetCodeAsync(account.Email);
        var reset = await Client.PostAsJsonAsync("/identity/v1/password/reset", new { account.Email, code, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await (await MeAsync(laptop.AccessToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await MeAsync(phone.AccessToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await RefreshAsync(laptop.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await RefreshAsync(phone.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_code_sent_to_another_account_is_400_and_costs_the_pending_code_a_guess()
    {
        var victim = NewAccounts.Unique();
        var attacker = NewAccounts.Unique();
        await Client.SignUpConfirmedAsync(platform.Mail, victim);
        await Client.SignUpConfirmedAsync(platform.Mail, attacker);
        await Client.PostAsJsonAsync("/identity/v1/password/forgot", new { login = victim.Email });
        await Client.PostAsJsonAsync("/identity/v1/password/forgot", new { login = attacker.Email });
        var attackersCode = await ResetCodeAsync(attacker.Email);
        var victimsCode = await ResetCodeAsync(victim.Email);

        var reset = await Client.PostAsJsonAsync("/identity/v1/password/reset", new { victim.Email, code = attackersCode, newPassword = NewPassword });

        if (attackersCode != victimsCode)
        {
            var problem = await reset.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal("https://lms.example/problems/invalid-reset-code", problem.GetProperty("type").GetString());
            Assert.Equal(1, await WrongGuessesAsync(victim.Email));
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(victim.Email, victim.Password)).StatusCode);
        }
    }

    [Fact]
    public async Task A_flood_of_wrong_codes_at_an_account_that_asked_for_no_reset_costs_it_nothing_and_is_answered_as_for_an_unknown_address()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpConfirmedAsync(platform.Mail, account);
        var unknown = $"nobody.{Guid.NewGuid():N}@example.com";

        var forAccount = new List<string>();
        var forUnknown = new List<string>();
        for (var guess = 0; guess < 15; guess++)
        {
            forAccount.Add(await DescribeAsync(await ResetAsync(account.Email, $"{guess:D6}")));
            forUnknown.Add(await DescribeAsync(await ResetAsync(unknown, $"{guess:D6}")));
        }
        await Client.PostAsJsonAsync("/identity/v1/password/forgot", new { login = account.Email });
        var genuine = await ResetAsync(account.Email, await ResetCodeAsync(account.Email));

        Assert.Equal(forUnknown, forAccount);
        Assert.All(forAccount, answer => Assert.Equal(InvalidCodeAnswer, answer));
        Assert.Equal(HttpStatusCode.NoContent, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(account.Email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_codes_void_the_pending_code_and_the_next_code_asked_for_works()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpConfirmedAsync(platform.Mail, account);
        await Client.PostAsJsonAsync("/identity/v1/password/forgot", new { login = account.Email });
        var code = await ResetCodeAsync(account.Email);
        var wrong = code == "000000" ? "111111" : "000000";

        var flood = new List<string>();
        for (var guess = 0; guess < 8; guess++)
        {
            flood.Add(await DescribeAsync(await ResetAsync(account.Email, wrong)));
        }
        var voided = await DescribeAsync(await ResetAsync(account.Email, code));
        var forUnknown = await DescribeAsync(await ResetAsync($"nobody.{Guid.NewGuid():N}@example.com", code));
        // The person asks for a new code; a minute has passed since the last one (the least time between two codes).
        await PretendTheCodeWasSentAMinuteAgoAsync(account.Email);
        await Client.PostAsJsonAsync("/identity/v1/password/forgot", new { login = account.Email });
        var genuine = await ResetAsync(account.Email, await ResetCodeAsync(account.Email, messages: 3));

        Assert.All(flood, answer => Assert.Equal(InvalidCodeAnswer, answer));
        Assert.Equal(InvalidCodeAnswer, voided);
        Assert.Equal(InvalidCodeAnswer, forUnknown);
        Assert.Equal(HttpStatusCode.NoContent, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(account.Email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Parallel_wrong_codes_cannot_overrun_the_pending_codes_guesses()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpConfirmedAsync(platform.Mail, account);
        await Client.PostAsJsonAsync("/identity/v1/password/forgot", new { login = account.Email });
        var code = await ResetCodeAsync(account.Email);
        var wrong = code == "000000" ? "111111" : "000000";

        var answers = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => ResetAsync(account.Email, wrong)));
        var right = await ResetAsync(account.Email, code);

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode));
        Assert.Equal(PasswordReset.MaxWrongGuesses, await WrongGuessesAsync(account.Email));
        await right.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(account.Email, account.Password)).StatusCode);
    }

    [Fact]
    public async Task Forgot_answers_202_for_unknown_and_unconfirmed_logins_and_mails_nobody()
    {
        var unconfirmed = NewAccounts.Unique();
        await Client.SignUpAsync(unconfirmed);
        await platform.Mail.ConfirmationCodeForAsync(unconfirmed.Email);
        var unknown = $"nobody.{Guid.NewGuid():N}@example.com";

        var forUnknown = await Client.PostAsJsonAsync("/identity/v1/password/forgot", new { login = unknown });
        var forUnconfirmed = await Client.PostAsJsonAsync("/identity/v1/password/forgot", new { login = unconfirmed.Email });
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Accepted, forUnknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, forUnconfirmed.StatusCode);
        Assert.Equal(0, platform.Mail.CountTo(unknown));
        Assert.Equal(0, platform.Mail.CountTo(unconfirmed.Email, "비밀번호"));
    }

    [Fact]
    public async Task Forgot_takes_about_as_long_for_an_unknown_login_as_for_a_confirmed_account()
    {
        // Medians of alternating requests, so a busy machine slows both sides alike. Each side does one slow hash;
        // without the decoy hash an unknown login answers in a fraction of the time.
        var accounts = new List<NewAccount>();
        for (var i = 0; i < 7; i++)
        {
            var account = NewAccounts.Unique();
            await Client.SignUpConfirmedAsync(platform.Mail, account);
            accounts.Add(account);
        }

        var known = new List<double>();
        var unknown = new List<double>();
        foreach (var account in accounts)
        {
            known.Add(await TimeAsync(account.Email));
            unknown.Add(await TimeAsync($"nobody.{Guid.NewGuid():N}@example.com"));
        }

        var ratio = Median(unknown) / Median(known);
        Assert.InRange(ratio, 0.5, 2.0);
    }

    [Fact]
    public async Task A_weak_new_password_is_a_validation_problem_and_the_code_still_works()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpConfirmedAsync(platform.Mail, account);
        await Client.PostAsJsonAsync("/identity/v1/password/forgot", new { login = account.Email });
        var code = await ResetCodeAsync(account.Email);

        var weak = await Client.PostAsJsonAsync("/identity/v1/password/reset", new { account.Email, code, newPassword = "short1" });
        var strong = await Client.PostAsJsonAsync("/identity/v1/password/reset", new { account.Email, code, newPassword = NewPassword });

        var problem = await weak.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("newPassword", out _));
        Assert.Equal(HttpStatusCode.NoContent, strong.StatusCode);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("abcdef")]
    public async Task A_malformed_code_is_a_validation_problem(string code)
    {
        var response = await Client.PostAsJsonAsync("/identity/v1/password/reset", new { email = "someone@example.com", code, newPassword = NewPassword });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<double> TimeAsync(string login)
    {
        var watch = Stopwatch.StartNew();
        var response = await Client.PostAsJsonAsync("/identity/v1/password/forgot", new { login });
        watch.Stop();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private const string InvalidCodeAnswer = "400 https://lms.example/problems/invalid-reset-code The email or code is not valid. Retry-After: none";

    // The confirmation email came first; the reset code is in the second message (or a later one when asked again).
    private Task<string> ResetCodeAsync(string email, int messages = 2) => platform.Mail.ConfirmationCodeForAsync(email, atLeastMessages: messages);

    private Task<HttpResponseMessage> ResetAsync(string email, string code) =>
        Client.PostAsJsonAsync("/identity/v1/password/reset", new { email, code, newPassword = NewPassword });

    /// <summary>All a caller can tell from an answer: status, problem type and title, and whether it says when to retry.</summary>
    private static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return $"{(int)response.StatusCode} {problem.GetProperty("type")} {problem.GetProperty("title")} " +
               $"Retry-After: {(response.Headers.RetryAfter is null ? "none" : "given")}";
    }

    private Task<HttpResponseMessage> SignInAsync(string login, string password) =>
        Client.PostAsJsonAsync("/identity/v1/signin", new { login, password });

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        Client.PostAsJsonAsync("/identity/v1/token/refresh", new { refreshToken });

    private Task<HttpResponseMessage> MeAsync(string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/identity/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return Client.SendAsync(request);
    }

    private Task<int> WrongGuessesAsync(string email) =>
        platform.Identity.WithDbAsync(db => db.PasswordResets.Where(r => db.Users.Any(u => u.Id == r.UserId && u.Email == email))
            .Select(r => r.WrongGuesses).SingleAsync());

    private Task<int> PretendTheCodeWasSentAMinuteAgoAsync(string email) =>
        platform.Identity.WithDbAsync(db => db.PasswordResets.Where(r => db.Users.Any(u => u.Id == r.UserId && u.Email == email))
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.SentAt, DateTimeOffset.UtcNow.AddMinutes(-2))));
}
