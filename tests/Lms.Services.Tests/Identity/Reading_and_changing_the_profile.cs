using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Lms.Testing;

namespace Lms.Services.Tests.Identity;

[Collection(PlatformGroup.Name)]
public sealed class Reading_and_changing_the_profile(Platform platform)
{
    private HttpClient Client => platform.Identity.Client;

    [Fact]
    public async Task Me_says_who_the_caller_is_from_the_token_alone()
    {
        var account = NewAccounts.Unique();
        var created = await Client.SignUpConfirmedAsync(platform.Mail, account);
        var tokens = await Client.SignInAsync(account.Username, account.Password);

        var me = await SendAsync(HttpMethod.Get, "/identity/v1/me", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var body = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(created.UserId, body.GetProperty("userId").GetGuid());
        Assert.Equal(["Visitor"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("organisationId").ValueKind);
    }

    [Fact]
    public async Task A_changed_name_reaches_the_other_services()
    {
        var account = NewAccounts.Unique("원래 이름");
        var created = await Client.SignUpConfirmedAsync(platform.Mail, account);
        var tokens = await Client.SignInAsync(account.Username, account.Password);

        var updated = await SendAsync(HttpMethod.Put, "/identity/v1/users/me", tokens.AccessToken,
            new { name = "새 이름", birthDate = "1990-05-17", gender = "FEMALE", phone = "010-1234-5678" });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var profile = await (await SendAsync(HttpMethod.Get, "/identity/v1/users/me", tokens.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("새 이름", profile.GetProperty("name").GetString());
        Assert.Equal("1990-05-17", profile.GetProperty("birthDate").GetString());
        await Eventually.TrueAsync(async () => (await platform.UserDirectories["institution"](created.UserId))?.Name == "새 이름",
            TimeSpan.FromSeconds(30), "institution shows the new name");
    }

    [Fact]
    public async Task An_invalid_profile_is_a_400_naming_the_fields_and_changes_nothing()
    {
        var account = NewAccounts.Unique("그대로");
        await Client.SignUpConfirmedAsync(platform.Mail, account);
        var tokens = await Client.SignInAsync(account.Username, account.Password);

        var response = await SendAsync(HttpMethod.Put, "/identity/v1/users/me", tokens.AccessToken,
            new { name = "", gender = "ROBOT", phone = "not a phone", birthDate = "2999-01-01" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "gender", "phone", "birthDate" })
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
        }
        var profile = await (await SendAsync(HttpMethod.Get, "/identity/v1/users/me", tokens.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("그대로", profile.GetProperty("name").GetString());
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string accessToken, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return Client.SendAsync(request);
    }
}
