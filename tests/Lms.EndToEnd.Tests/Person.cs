using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Lms.EndToEnd.Tests;

/// <summary>Someone using the platform through the gateway with real tokens, as the web app would.</summary>
public sealed class Person(HttpClient client, string email, string password)
{
    /// <summary>Everyone <see cref="JoinAsync"/> signs up gets this password, so a browser test can sign in as them.</summary>
    public const string DefaultPassword = "correct horse battery 9";

    public Guid UserId { get; private set; }

    public string Email => email;

    private string _accessToken = string.Empty;
    private string _refreshToken = string.Empty;

    /// <summary>Signs up, confirms with the code from the email, and signs in.</summary>
    public static async Task<Person> JoinAsync(HttpClient client, string email, string name)
    {
        var person = new Person(client, email, DefaultPassword);
        var username = $"p{Guid.NewGuid():N}"[..20];
        var signedUp = await PoliteAsync(() => client.PostAsJsonAsync("/identity/v1/signup", new { email, username, password = person._password, name }));
        signedUp.EnsureSuccessStatusCode();
        person.UserId = (await signedUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid();
        var code = await RunningPlatform.Mail.ConfirmationCodeForAsync(email);
        (await PoliteAsync(() => client.PostAsJsonAsync("/identity/v1/confirm", new { email, code }))).EnsureSuccessStatusCode();
        var signedIn = await PoliteAsync(() => client.PostAsJsonAsync("/identity/v1/signin", new { login = email, password = person._password }));
        signedIn.EnsureSuccessStatusCode();
        person.Take(await signedIn.Content.ReadFromJsonAsync<JsonElement>());
        return person;
    }

    private readonly string _password = password;

    // The whole suite signs people up from one address, against the gateway's per-address limit on the sign-in
    // family of routes: wait as the 429 says, as a well-behaved client does.
    private static async Task<HttpResponseMessage> PoliteAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != System.Net.HttpStatusCode.TooManyRequests || attempt == 3)
            {
                return response;
            }
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(10);
            response.Dispose();
            await Task.Delay(wait + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000)));
        }
    }

    /// <summary>Refreshes until the token carries <paramref name="role"/> (memberships reach identity by events).</summary>
    public Task BecomeAsync(string role) => Eventually.TrueAsync(async () =>
    {
        var refreshed = await client.PostAsJsonAsync("/identity/v1/token/refresh", new { refreshToken = _refreshToken });
        refreshed.EnsureSuccessStatusCode();
        Take(await refreshed.Content.ReadFromJsonAsync<JsonElement>());
        return new JsonWebToken(_accessToken).Claims.Any(c => c.Type == "role" && c.Value == role);
    }, TimeSpan.FromSeconds(30), $"{email}'s token says {role}");

    /// <summary>The current access token, for tools that call the API as this person.</summary>
    public string AccessToken => _accessToken;

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
        return client.SendAsync(request);
    }

    /// <summary>Sends until the answer is a success: for steps that wait on another service's copy of the data.</summary>
    public Task<JsonElement> SucceedAsync(HttpMethod method, string path, object? body = null) =>
        Eventually.GetAsync(async () =>
        {
            using var response = await SendAsync(method, path, body);
            return response.IsSuccessStatusCode
                ? (Ok: true, Body: response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>())
                : (Ok: false, Body: default(JsonElement));
        }, r => r.Ok, TimeSpan.FromSeconds(30), $"{method} {path} succeeds").ContinueWith(t => t.Result.Body, TaskScheduler.Default);

    private void Take(JsonElement tokens)
    {
        _accessToken = tokens.GetProperty("accessToken").GetString()!;
        _refreshToken = tokens.GetProperty("refreshToken").GetString()!;
    }
}
