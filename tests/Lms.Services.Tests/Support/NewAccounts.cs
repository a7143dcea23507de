using System.Net.Http.Json;
using Lms.Testing;

namespace Lms.Services.Tests.Support;

public sealed record NewAccount(string Email, string Username, string Password, string Name);

public sealed record CreatedAccount(Guid UserId, string Email, string Username, string Name);

public sealed record Tokens(string AccessToken, int ExpiresIn, string RefreshToken, string TokenType);

public static class NewAccounts
{
    /// <summary>A sign-up no earlier test can have used.</summary>
    public static NewAccount Unique(string name = "김철수")
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        return new NewAccount($"user.{tag}@example.com", $"user_{tag}", "correct horse battery 9", name);
    }

    public static async Task<CreatedAccount> SignUpAsync(this HttpClient client, NewAccount account)
    {
        var response = await client.PostAsJsonAsync("/identity/v1/signup", account);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedAccount>())!;
    }

    /// <summary>Signs up and confirms with the code from the email, as a person would.</summary>
    public static async Task<CreatedAccount> SignUpConfirmedAsync(this HttpClient client, Mailbox mail, NewAccount account)
    {
        var created = await client.SignUpAsync(account);
        var code = await mail.ConfirmationCodeForAsync(account.Email);
        var confirmed = await client.PostAsJsonAsync("/identity/v1/confirm", new { account.Email, code });
        confirmed.EnsureSuccessStatusCode();
        return created;
    }

    public static async Task<Tokens> SignInAsync(this HttpClient client, string login, string password)
    {
        var response = await client.PostAsJsonAsync("/identity/v1/signin", new { login, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    public static async Task<Tokens> SignedInAsync(this HttpClient client, Mailbox mail, NewAccount? account = null)
    {
        account ??= Unique();
        await client.SignUpConfirmedAsync(mail, account);
        return await client.SignInAsync(account.Username, account.Password);
    }
}
