using System.Net;
using System.Net.Http.Json;
using Lms.Identity.Accounts;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Identity;

[Collection(PlatformGroup.Name)]
public sealed class Spending_the_code_guess_budget(Platform platform)
{
    private HttpClient Client => platform.Identity.Client;

    [Fact]
    public async Task A_new_confirmation_code_does_not_renew_the_budget_ten_wrong_guesses_then_429_until_the_window_ends()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpAsync(account);
        await platform.Mail.ConfirmationCodeForAsync(account.Email);

        var statuses = new List<HttpStatusCode>();
        for (var round = 0; round < 3; round++)
        {
            // Each new code brings five tries of its own, but all codes draw on the one budget.
            var code = await platform.Mail.ConfirmationCodeForAsync(account.Email, atLeastMessages: round + 1);
            var wrong = code == "000000" ? "111111" : "000000";
            for (var attempt = 0; attempt < 4; attempt++)
            {
                statuses.Add((await ConfirmAsync(account.Email, wrong)).StatusCode);
            }
            await PretendTheCodeWasSentMinutesAgoAsync(account.Email);
            await Client.PostAsJsonAsync("/identity/v1/confirm/resend", new { account.Email });
        }

        var latest = await platform.Mail.ConfirmationCodeForAsync(account.Email, atLeastMessages: 4);
        var right = await ConfirmAsync(account.Email, latest);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 10), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var problem = await right.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("https://lms.example/problems/code-guesses-exhausted", problem.GetProperty("type").GetString());
        var retryAfter = int.Parse(right.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 23 * 3600, 24 * 3600);

        await PretendTheWindowBeganADayAgoAsync(account.Email);
        Assert.Equal(HttpStatusCode.NoContent, (await ConfirmAsync(account.Email, latest)).StatusCode);
    }

    [Fact]
    public async Task Wrong_reset_codes_cost_an_unconfirmed_account_none_of_its_confirmation_budget()
    {
        // A reset code is never sent to an unconfirmed account, so guessing one cannot lock its owner out of confirming.
        var account = NewAccounts.Unique();
        await Client.SignUpAsync(account);
        var code = await platform.Mail.ConfirmationCodeForAsync(account.Email);
        var wrong = code == "000000" ? "111111" : "000000";

        var guesses = new List<HttpStatusCode>();
        for (var guess = 0; guess < CodeGuessBudget.MaxWrongGuesses + 2; guess++)
        {
            guesses.Add((await ResetAsync(account.Email, wrong)).StatusCode);
        }
        var confirmed = await ConfirmAsync(account.Email, code);

        Assert.All(guesses, status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(0, await GuessesAsync(account.Email));
        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
    }

    [Fact]
    public async Task A_right_code_costs_nothing()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpConfirmedAsync(platform.Mail, account);

        Assert.Equal(0, await GuessesAsync(account.Email));
    }

    [Fact]
    public async Task Parallel_wrong_guesses_cannot_exceed_the_budget()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpAsync(account);
        var code = await platform.Mail.ConfirmationCodeForAsync(account.Email);
        var wrong = code == "000000" ? "111111" : "000000";
        // Two guesses left: fewer than the code's own five tries, so only the budget can stop the rest.
        await SetGuessesAsync(account.Email, CodeGuessBudget.MaxWrongGuesses - 2);

        var answers = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => ConfirmAsync(account.Email, wrong)));

        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal(23, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(CodeGuessBudget.MaxWrongGuesses, await GuessesAsync(account.Email));
    }

    private Task<HttpResponseMessage> ConfirmAsync(string email, string code) =>
        Client.PostAsJsonAsync("/identity/v1/confirm", new { email, code });

    private Task<HttpResponseMessage> ResetAsync(string email, string code) =>
        Client.PostAsJsonAsync("/identity/v1/password/reset", new { email, code, newPassword = "a brand new secret 42" });

    private Task<int> GuessesAsync(string email) =>
        platform.Identity.WithDbAsync(async db =>
            await db.CodeGuessBudgets.Where(b => db.Users.Any(u => u.Id == b.UserId && u.Email == email)).Select(b => (int?)b.Guesses).SingleOrDefaultAsync() ?? 0);

    private Task<int> SetGuessesAsync(string email, int guesses) =>
        platform.Identity.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            if (!await db.CodeGuessBudgets.AnyAsync(b => b.UserId == userId))
            {
                db.CodeGuessBudgets.Add(CodeGuessBudget.Open(userId, DateTimeOffset.UtcNow));
                await db.SaveChangesAsync();
            }
            return await db.CodeGuessBudgets.Where(b => b.UserId == userId).ExecuteUpdateAsync(b => b.SetProperty(x => x.Guesses, guesses));
        });

    private Task<int> PretendTheWindowBeganADayAgoAsync(string email) =>
        platform.Identity.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            return await db.CodeGuessBudgets.Where(b => b.UserId == userId)
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.WindowStartedAt, DateTimeOffset.UtcNow.AddHours(-24).AddMinutes(-1)));
        });

    private Task<int> PretendTheCodeWasSentMinutesAgoAsync(string email) =>
        platform.Identity.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            return await db.EmailConfirmations.Where(c => c.UserId == userId)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.SentAt, DateTimeOffset.UtcNow.AddMinutes(-5)));
        });
}
