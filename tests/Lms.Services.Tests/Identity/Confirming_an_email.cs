using System.Net;
using System.Net.Http.Json;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Identity;

[Collection(PlatformGroup.Name)]
public sealed class Confirming_an_email(Platform platform)
{
    private HttpClient Client => platform.Identity.Client;

    [Fact]
    public async Task The_emailed_code_confirms_the_account_which_can_then_sign_in()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpAsync(account);
        var before = await Client.PostAsJsonAsync("/identity/v1/signin", new { login = account.Email, password = account.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);

        var code = await platform.Mail.ConfirmationCodeForAsync(account.Email);
        var confirmed = await Client.PostAsJsonAsync("/identity/v1/confirm", new { account.Email, code });

        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        var after = await Client.PostAsJsonAsync("/identity/v1/signin", new { login = account.Email, password = account.Password });
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Stops_taking_guesses_after_five_wrong_codes_even_the_right_one()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpAsync(account);
        var code = await platform.Mail.ConfirmationCodeForAsync(account.Email);
        var wrong = code == "000000" ? "111111" : "000000";

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            statuses.Add((await Client.PostAsJsonAsync("/identity/v1/confirm", new { account.Email, code = wrong })).StatusCode);
        }
        var right = await Client.PostAsJsonAsync("/identity/v1/confirm", new { account.Email, code });

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 4), HttpStatusCode.TooManyRequests], statuses);
        await right.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.False(await IsConfirmedAsync(account.Email));
    }

    [Fact]
    public async Task Parallel_guesses_cannot_exceed_the_five_allowed()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpAsync(account);
        var code = await platform.Mail.ConfirmationCodeForAsync(account.Email);
        var wrong = code == "000000" ? "111111" : "000000";

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Client.PostAsJsonAsync("/identity/v1/confirm", new { account.Email, code = wrong })));

        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest) <= 4);
        var attempts = await platform.Identity.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == account.Email).Select(u => u.Id).SingleAsync();
            return await db.EmailConfirmations.Where(c => c.UserId == userId).Select(c => c.Attempts).SingleAsync();
        });
        Assert.Equal(5, attempts);
    }

    [Fact]
    public async Task A_resent_code_replaces_the_old_one()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpAsync(account);
        var first = await platform.Mail.ConfirmationCodeForAsync(account.Email);
        await PretendTheCodeWasSentMinutesAgoAsync(account.Email);

        var resent = await Client.PostAsJsonAsync("/identity/v1/confirm/resend", new { account.Email });
        var second = await platform.Mail.ConfirmationCodeForAsync(account.Email, atLeastMessages: 2);

        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        if (first != second)
        {
            var old = await Client.PostAsJsonAsync("/identity/v1/confirm", new { account.Email, code = first });
            Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        }
        var current = await Client.PostAsJsonAsync("/identity/v1/confirm", new { account.Email, code = second });
        Assert.Equal(HttpStatusCode.NoContent, current.StatusCode);
    }

    [Fact]
    public async Task Resending_at_once_sends_nothing_new_so_nobody_can_flood_an_inbox()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpAsync(account);
        await platform.Mail.ConfirmationCodeForAsync(account.Email);

        var resent = await Client.PostAsJsonAsync("/identity/v1/confirm/resend", new { account.Email });

        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        Assert.Equal(1, platform.Mail.CountTo(account.Email));
    }

    [Fact]
    public async Task Resending_to_an_unknown_email_answers_the_same_and_sends_nothing()
    {
        var email = $"nobody.{Guid.NewGuid():N}@example.com";

        var resent = await Client.PostAsJsonAsync("/identity/v1/confirm/resend", new { email });

        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        Assert.Equal(0, platform.Mail.CountTo(email));
    }

    [Fact]
    public async Task A_code_for_an_unknown_email_is_refused_like_a_wrong_code()
    {
        var response = await Client.PostAsJsonAsync("/identity/v1/confirm", new { email = $"nobody.{Guid.NewGuid():N}@example.com", code = "123456" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("https://lms.example/problems/invalid-confirmation-code", problem.GetProperty("type").GetString());
    }

    private Task<bool> IsConfirmedAsync(string email) =>
        platform.Identity.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync());

    // The resend interval is a minute; move the last sending back rather than wait.
    private Task<int> PretendTheCodeWasSentMinutesAgoAsync(string email) =>
        platform.Identity.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            return await db.EmailConfirmations.Where(c => c.UserId == userId)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.SentAt, DateTimeOffset.UtcNow.AddMinutes(-5)));
        });
}
