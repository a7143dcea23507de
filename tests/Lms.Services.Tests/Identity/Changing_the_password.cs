using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lms.Services.Tests.Support;
using Lms.Testing;

namespace Lms.Services.Tests.Identity;

[Collection(PlatformGroup.Name)]
public sealed class Changing_the_password(Platform platform)
{
    private const string NewPassword = "changed it myself 77";

    private HttpClient Client => platform.Identity.Client;

    [Fact]
    public async Task Needs_the_current_password_then_ends_the_other_sessions_but_not_this_one()
    {
        var account = NewAccounts.Unique();
        var here = await Client.SignedInAsync(platform.Mail, account);
        var elsewhere = await Client.SignInAsync(account.Username, account.Password);

        var changed = await SendAsync(HttpMethod.Post, "/identity/v1/password/change", here.AccessToken,
            new { currentPassword = account.Password, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/identity/v1/me", here.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync("/identity/v1/token/refresh", new { here.RefreshToken })).StatusCode);
        await (await SendAsync(HttpMethod.Get, "/identity/v1/me", elsewhere.AccessToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await Client.PostAsJsonAsync("/identity/v1/token/refresh", new { elsewhere.RefreshToken })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync("/identity/v1/signin", new { login = account.Email, password = NewPassword })).StatusCode);
    }

    [Fact]
    public async Task A_wrong_current_password_is_a_validation_problem_and_changes_nothing()
    {
        var account = NewAccounts.Unique();
        var tokens = await Client.SignedInAsync(platform.Mail, account);

        var changed = await SendAsync(HttpMethod.Post, "/identity/v1/password/change", tokens.AccessToken,
            new { currentPassword = "not my password 1", newPassword = NewPassword });

        var problem = await changed.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("currentPassword", out _));
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync("/identity/v1/signin", new { login = account.Email, password = account.Password })).StatusCode);
    }

    [Fact]
    public async Task Without_a_token_is_401()
    {
        var changed = await Client.PostAsJsonAsync("/identity/v1/password/change", new { currentPassword = "whatever 1a", newPassword = NewPassword });

        await changed.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string accessToken, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return Client.SendAsync(request);
    }
}
