using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lms.Load;

/// <summary>Calls the running platform as its users do: accounts made through sign-up and confirmation, bearer tokens.</summary>
public static partial class Platform
{
    public const string DemoEmployee = "employee@demo.lms";
    public const string DemoPassword = "Demo-pass-2026!";
    public const string Password = "correct horse battery 9";

    public static string MailDirectory(Options options) =>
        Environment.GetEnvironmentVariable("LMS_MAIL_DIR") ?? Path.Combine(options.RepoRoot, ".local", "mail");

    public static async Task<string> SignInAsync(HttpClient client, Uri identity, string login, string password)
    {
        using var response = await client.PostAsJsonAsync(new Uri(identity, "/identity/v1/signin"), new { login, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>
    /// Signs up, confirms with the code the identity service mailed (its pickup folder names each file after the
    /// recipient) and signs in, directly at the identity service: the gateway's per-address limit on this family of
    /// routes is for people, and setting up a load test is not what is measured.
    /// </summary>
    public static async Task<Account> JoinAsync(HttpClient client, Options options, string email, string name)
    {
        var identity = options.Identity;
        using (var signedUp = await client.PostAsJsonAsync(new Uri(identity, "/identity/v1/signup"),
                   new { email, username = $"b{Guid.NewGuid():N}"[..20], password = Password, name }))
        {
            await EnsureAsync(signedUp, "sign-up");
        }
        var code = await ConfirmationCodeAsync(MailDirectory(options), email);
        using (var confirmed = await client.PostAsJsonAsync(new Uri(identity, "/identity/v1/confirm"), new { email, code }))
        {
            await EnsureAsync(confirmed, "confirmation");
        }
        using var signedIn = await client.PostAsJsonAsync(new Uri(identity, "/identity/v1/signin"), new { login = email, password = Password });
        await EnsureAsync(signedIn, "sign-in");
        var account = new Account(client, options.Gateway, identity, email);
        account.Take(await signedIn.Content.ReadFromJsonAsync<JsonElement>());
        return account;
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<string> ConfirmationCodeAsync(string directory, string email)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var newest = Directory.Exists(directory) ? Directory.GetFiles(directory, $"*-{email}-*.eml").Order(StringComparer.Ordinal).LastOrDefault() : null;
            if (newest is not null && Code().Match(await File.ReadAllTextAsync(newest)) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"No confirmation email to {email} in {directory} after 20 s.");
    }

    [GeneratedRegex("code is ([0-9]{6})")]
    private static partial Regex Code();
}

/// <summary>A signed-in person: API calls through the gateway with the current access token.</summary>
public sealed class Account(HttpClient client, Uri gateway, Uri identity, string email)
{
    private string _refreshToken = string.Empty;

    public string Email => email;

    public string RefreshToken => _refreshToken;

    /// <summary>An account signed in earlier, taken up again with its refresh token.</summary>
    public static Account FromRefreshToken(HttpClient client, Uri gateway, Uri identity, string email, string refreshToken) =>
        new(client, gateway, identity, email) { _refreshToken = refreshToken };

    public string AccessToken { get; private set; } = string.Empty;

    public Guid UserId { get; private set; }

    public HttpRequestMessage Request(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(gateway, path)) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        return request;
    }

    /// <summary>
    /// Sends until the answer is a success (for steps that wait on another service's copy of the data), refreshing the
    /// access token when it has run out (a set-up of 2,000 learners outlasts its 15 minutes).
    /// </summary>
    public async Task<JsonElement> SucceedAsync(HttpMethod method, string path, object? body = null, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            using var response = await client.SendAsync(Request(method, path, body));
            if (response.IsSuccessStatusCode)
            {
                return response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
            }
            if (response.StatusCode == HttpStatusCode.Unauthorized && new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(AccessToken).ValidTo < DateTime.UtcNow.AddMinutes(1))
            {
                await RefreshAsync();
                continue;
            }
            if (DateTime.UtcNow > until)
            {
                throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            await Task.Delay(response.StatusCode == HttpStatusCode.TooManyRequests ? 1000 : 300);
        }
    }

    /// <summary>Refreshes until the token carries <paramref name="role"/> (memberships reach identity by events).</summary>
    public async Task BecomeAsync(string role)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            await RefreshAsync();
            if (new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(AccessToken).Claims.Any(c => c.Type == "role" && c.Value == role))
            {
                return;
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException($"{email}'s token never said {role}.");
    }

    public async Task RefreshAsync()
    {
        using var refreshed = await client.PostAsJsonAsync(new Uri(identity, "/identity/v1/token/refresh"), new { refreshToken = _refreshToken });
        await Platform.EnsureAsync(refreshed, "token refresh");
        Take(await refreshed.Content.ReadFromJsonAsync<JsonElement>());
    }

    internal void Take(JsonElement tokens)
    {
        AccessToken = tokens.GetProperty("accessToken").GetString()!;
        _refreshToken = tokens.GetProperty("refreshToken").GetString()!;
        UserId = Guid.Parse(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(AccessToken).Subject);
    }
}
