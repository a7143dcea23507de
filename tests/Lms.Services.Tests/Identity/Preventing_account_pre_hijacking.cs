using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Identity;

/// <summary>
/// Someone signs up first with a victim's email and a password of their own, hoping the victim later links Google
/// to that account and so shares it with them.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Preventing_account_pre_hijacking(Platform platform)
{
    private readonly HttpClient _browser = platform.Identity.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private HttpClient Client => platform.Identity.Client;

    [Fact]
    public async Task Google_sign_in_takes_over_an_unconfirmed_account_and_the_squatters_password_stops_working()
    {
        var squatter = NewAccounts.Unique();
        var squatted = await Client.SignUpAsync(squatter);
        var squattersCode = await platform.Mail.ConfirmationCodeForAsync(squatter.Email);

        var callback = await CompleteAsync("signin", Guid.NewGuid().ToString("N"), squatter.Email, "진짜 주인");
        var me = await MeWithCookieAsync(callback);

        Assert.Equal(squatted.UserId, me.GetProperty("userId").GetGuid());
        var signIn = await Client.PostAsJsonAsync("/identity/v1/signin", new { login = squatter.Email, password = squatter.Password });
        await signIn.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var user = await platform.Identity.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == squatted.UserId));
        Assert.Null(user.PasswordHash);
        Assert.True(user.EmailConfirmed);
        Assert.False(await platform.Identity.WithDbAsync(db => db.EmailConfirmations.AnyAsync(c => c.UserId == squatted.UserId)));
        // The code mailed to the squatter's sign-up does nothing any more.
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsJsonAsync("/identity/v1/confirm", new { squatter.Email, code = squattersCode })).StatusCode);
        await (await Client.PostAsJsonAsync("/identity/v1/signin", new { login = squatter.Email, password = squatter.Password }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Google_sign_in_still_links_to_a_confirmed_account_and_keeps_its_password()
    {
        var owner = NewAccounts.Unique();
        var created = await Client.SignUpConfirmedAsync(platform.Mail, owner);

        var me = await MeWithCookieAsync(await CompleteAsync("signin", Guid.NewGuid().ToString("N"), owner.Email, owner.Name));

        Assert.Equal(created.UserId, me.GetProperty("userId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync("/identity/v1/signin", new { login = owner.Email, password = owner.Password })).StatusCode);
    }

    [Fact]
    public async Task Signing_up_with_an_email_held_by_an_account_unconfirmed_for_a_day_replaces_it()
    {
        var squatter = NewAccounts.Unique();
        var squatted = await Client.SignUpAsync(squatter);
        await PretendItWasCreatedAgoAsync(squatted.UserId, TimeSpan.FromHours(25));
        var owner = NewAccounts.Unique("진짜 주인") with { Email = squatter.Email };

        var signedUp = await Client.PostAsJsonAsync("/identity/v1/signup", owner);

        Assert.Equal(HttpStatusCode.Created, signedUp.StatusCode);
        var created = await signedUp.Content.ReadFromJsonAsync<CreatedAccount>();
        Assert.NotEqual(squatted.UserId, created!.UserId);
        Assert.False(await platform.Identity.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == squatted.UserId)));
        var code = await platform.Mail.ConfirmationCodeForAsync(owner.Email, atLeastMessages: 2);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsJsonAsync("/identity/v1/confirm", new { owner.Email, code })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync("/identity/v1/signin", new { login = owner.Email, password = owner.Password })).StatusCode);
    }

    [Fact]
    public async Task An_email_held_by_an_account_unconfirmed_for_less_than_a_day_is_still_taken()
    {
        var first = NewAccounts.Unique();
        var held = await Client.SignUpAsync(first);
        await PretendItWasCreatedAgoAsync(held.UserId, TimeSpan.FromHours(23));

        var again = await Client.PostAsJsonAsync("/identity/v1/signup", NewAccounts.Unique() with { Email = first.Email });

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.True(await platform.Identity.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == held.UserId)));
    }

    [Fact]
    public async Task A_confirmed_account_is_never_replaced_however_old()
    {
        var owner = NewAccounts.Unique();
        var created = await Client.SignUpConfirmedAsync(platform.Mail, owner);
        await PretendItWasCreatedAgoAsync(created.UserId, TimeSpan.FromDays(30));

        var again = await Client.PostAsJsonAsync("/identity/v1/signup", NewAccounts.Unique() with { Email = owner.Email });

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    private Task<int> PretendItWasCreatedAgoAsync(Guid userId, TimeSpan ago)
    {
        var createdAt = DateTimeOffset.UtcNow - ago;
        return platform.Identity.WithDbAsync(db => db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.CreatedAt, createdAt)));
    }

    private async Task<HttpResponseMessage> CompleteAsync(string mode, string subject, string email, string name)
    {
        var start = await _browser.GetAsync($"/identity/v1/external/google?mode={mode}");
        var query = QueryHelpers.ParseQuery(start.Headers.Location!.Query);
        var code = platform.Google.Approve(query["code_challenge"]!, subject, email, name);
        return await _browser.GetAsync($"/identity/v1/external/google/callback?code={code}&state={Uri.EscapeDataString(query["state"]!)}");
    }

    private async Task<JsonElement> MeWithCookieAsync(HttpResponseMessage callback)
    {
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var access = callback.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lms_access=", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/identity/v1/me");
        request.Headers.Add("Cookie", access.Split(';')[0]);
        var response = await _browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
