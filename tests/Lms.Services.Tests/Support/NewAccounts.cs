using System.Net.Http.Json;

namespace Lms.Services.Tests.Support;

public sealed record NewAccount(string Email, string Username, string Password, string Name);

public sealed record CreatedAccount(Guid UserId, string Email, string Username, string Name);

public static class NewAccounts
{
    /// <summary>A sign-up no earlier test can have used.</summary>
    public static NewAccount Unique(string name = "김철수")
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        return new NewAccount($"user.{tag}@example.com", $"user_{tag}", "correct horse battery", name);
    }

    public static async Task<CreatedAccount> SignUpAsync(this HttpClient client, NewAccount account)
    {
        var response = await client.PostAsJsonAsync("/identity/v1/signup", account);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedAccount>())!;
    }
}
