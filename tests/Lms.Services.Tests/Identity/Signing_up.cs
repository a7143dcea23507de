using System.Net;
using System.Net.Http.Json;
using System.Text;
using Lms.Contracts.Identity;
using Lms.Identity.Accounts;
using Lms.Identity.Data;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Identity;

[Collection(PlatformGroup.Name)]
public sealed class Signing_up(Platform platform)
{
    [Fact]
    public async Task Creates_the_account_and_answers_201_with_it()
    {
        var account = NewAccounts.Unique();

        var response = await platform.Identity.Client.PostAsJsonAsync("/identity/v1/signup", account);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/identity/v1/me", response.Headers.Location?.OriginalString);
        var created = await response.Content.ReadFromJsonAsync<CreatedAccount>();
        Assert.Equal(account.Email, created?.Email);
        Assert.Equal(account.Username, created?.Username);
        Assert.Equal(account.Name, created?.Name);
    }

    [Fact]
    public async Task Stores_the_password_only_as_a_hash_that_verifies()
    {
        var account = NewAccounts.Unique();
        var created = await platform.Identity.Client.SignUpAsync(account);

        await using var scope = platform.Identity.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var stored = await users.FindByIdAsync(created.UserId.ToString());

        Assert.NotNull(stored);
        Assert.DoesNotContain(account.Password, stored.PasswordHash, StringComparison.Ordinal);
        Assert.True(await users.CheckPasswordAsync(stored, account.Password));
        Assert.False(stored.EmailConfirmed);
    }

    [Fact]
    public async Task Emails_a_six_digit_confirmation_code()
    {
        var account = NewAccounts.Unique();

        await platform.Identity.Client.SignUpAsync(account);

        Assert.Matches("^[0-9]{6}$", await platform.Mail.ConfirmationCodeForAsync(account.Email));
    }

    [Theory]
    [InlineData("short1")]
    [InlineData("onlyletterslongenough")]
    [InlineData("1234567890123")]
    public async Task Refuses_a_weak_password_naming_the_password_field_and_stores_nothing(string password)
    {
        var account = NewAccounts.Unique() with { Password = password };

        var response = await platform.Identity.Client.PostAsJsonAsync("/identity/v1/signup", account);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _), problem.ToString());
        Assert.Equal(0, await CountAccountsAsync(account.Email));
    }

    [Fact]
    public async Task Refuses_fields_that_are_too_long()
    {
        var account = NewAccounts.Unique() with { Name = new string('가', 101) };

        var response = await platform.Identity.Client.PostAsJsonAsync("/identity/v1/signup", account);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Announces_the_new_user_through_the_outbox()
    {
        var created = await platform.Identity.Client.SignUpAsync(NewAccounts.Unique());

        var stored = await Eventually.GetAsync(
            () => platform.Identity.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                .SingleAsync(m => m.Payload.Contains(created.UserId.ToString()))),
            m => m.SentAt is not null, TimeSpan.FromSeconds(20), "the UserRegistered row is relayed");

        var announced = Assert.IsType<UserRegistered>(stored.Deserialize());
        Assert.Equal(created.UserId, announced.UserId);
        Assert.Equal(created.Email, announced.Email);
    }

    [Fact]
    public async Task Refuses_an_email_already_registered_whatever_its_case_and_keeps_one_account()
    {
        var first = NewAccounts.Unique();
        await platform.Identity.Client.SignUpAsync(first);
        var again = NewAccounts.Unique() with { Email = first.Email.ToUpperInvariant() };

        var response = await platform.Identity.Client.PostAsJsonAsync("/identity/v1/signup", again);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("https://lms.example/problems/account-exists", problem.GetProperty("type").GetString());
        Assert.Equal(1, await CountAccountsAsync(first.Email));
        Assert.Equal(0, await CountAccountsAsync(again.Username));
    }

    [Fact]
    public async Task Refuses_a_username_already_taken_whatever_its_case()
    {
        var first = NewAccounts.Unique();
        await platform.Identity.Client.SignUpAsync(first);
        var again = NewAccounts.Unique() with { Username = first.Username.ToUpperInvariant() };

        var response = await platform.Identity.Client.PostAsJsonAsync("/identity/v1/signup", again);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await CountAccountsAsync(again.Email));
    }

    [Fact]
    public async Task Names_every_invalid_field_and_stores_nothing()
    {
        var bad = new { email = "not-an-email", username = "x", password = "", name = "", gender = "ROBOT", birthDate = "2999-01-01" };

        var response = await platform.Identity.Client.PostAsJsonAsync("/identity/v1/signup", bad);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "email", "username", "password", "name", "gender" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.Equal(0, await CountAccountsAsync("not-an-email"));
    }

    [Theory]
    [InlineData("{\"email\": ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"email\": 42, \"username\": true, \"password\": [], \"name\": {}}")]
    public async Task Answers_a_malformed_body_with_a_400_problem(string body)
    {
        var response = await platform.Identity.Client.PostAsync("/identity/v1/signup", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Answers_a_missing_body_with_a_400_problem()
    {
        var response = await platform.Identity.Client.PostAsync("/identity/v1/signup", new StringContent(string.Empty, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private Task<int> CountAccountsAsync(string emailOrUsername)
    {
        var normalized = emailOrUsername.ToUpperInvariant();
        return platform.Identity.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized));
    }
}
