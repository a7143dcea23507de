using System.Net;
using System.Net.Http.Headers;
using Lms.ServiceDefaults.Security;
using Lms.Testing;

namespace Lms.ServiceDefaults.Tests.Http;

public sealed class Refusing_cross_site_cookie_requests(SampleService service) : IClassFixture<SampleService>
{
    private static readonly string ManagerToken = TestTokens.Mint(Guid.NewGuid(), [Roles.InstitutionManager], Guid.NewGuid());

    [Fact]
    public async Task A_forged_cross_site_delete_with_the_cookie_is_a_403_problem()
    {
        var response = await DeleteAsync(cookie: true, origin: "https://evil.example");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("https://lms.example/problems/cross-site-request", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_cookie_request_naming_no_origin_at_all_is_refused()
    {
        var response = await DeleteAsync(cookie: true);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("https://app.example.evil.test")]
    [InlineData("http://app.example")]
    public async Task Look_alike_origins_are_refused(string origin)
    {
        var response = await DeleteAsync(cookie: true, origin: origin);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_cookie_request_from_an_allowed_origin_goes_through()
    {
        var response = await DeleteAsync(cookie: true, origin: SampleService.AllowedOrigin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Without_an_origin_the_referer_of_an_allowed_page_is_enough()
    {
        var response = await DeleteAsync(cookie: true, referer: $"{SampleService.AllowedOrigin}/courses/12?tab=exams");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task A_referer_from_another_site_is_refused()
    {
        var response = await DeleteAsync(cookie: true, referer: "https://evil.example/app.example/");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_request_with_an_authorization_header_is_unaffected_whatever_its_origin()
    {
        var response = await DeleteAsync(cookie: false, bearer: true, origin: "https://evil.example");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Reading_with_the_cookie_from_a_script_on_another_site_is_refused()
    {
        var response = await GetAsync(origin: "https://evil.example");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_plain_navigation_with_the_cookie_naming_no_origin_is_unaffected()
    {
        var response = await GetAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://evil.example")]
    public async Task A_cookie_signed_websocket_upgrade_from_anywhere_but_an_allowed_page_is_refused(string? origin)
    {
        var response = await GetAsync(origin, upgrade: true);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("https://lms.example/problems/cross-site-request", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_cookie_signed_websocket_upgrade_from_an_allowed_page_goes_through()
    {
        var response = await GetAsync(SampleService.AllowedOrigin, upgrade: true);

        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, "https://evil.example/page", true)]
    [InlineData(null, SampleService.AllowedOrigin + "/app/classroom/1", false)]
    public async Task A_cookie_signed_hub_transport_request_needs_a_page_of_an_allowed_origin(string? origin, string? referer, bool refused)
    {
        // A long-polling GET: a cross-site navigation must not bind someone else's negotiated connection to the visitor.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sample/hubs/classroom?id=token");
        request.Headers.Add("Cookie", $"{AuthCookieNames.AccessToken}={ManagerToken}");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        var response = await service.Client.SendAsync(request);

        Assert.Equal(refused, response.StatusCode == HttpStatusCode.Forbidden);
    }

    private Task<HttpResponseMessage> GetAsync(string? origin = null, bool upgrade = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/sample/v1/managed");
        request.Headers.Add("Cookie", $"{AuthCookieNames.AccessToken}={ManagerToken}");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (upgrade)
        {
            request.Headers.Add("Upgrade", "websocket");
            request.Headers.Add("Connection", "Upgrade");
        }
        return service.Client.SendAsync(request);
    }

    private Task<HttpResponseMessage> DeleteAsync(bool cookie, bool bearer = false, string? origin = null, string? referer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, "/sample/v1/managed");
        if (cookie)
        {
            request.Headers.Add("Cookie", $"{AuthCookieNames.AccessToken}={ManagerToken}");
        }
        if (bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ManagerToken);
        }
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }
        return service.Client.SendAsync(request);
    }
}
