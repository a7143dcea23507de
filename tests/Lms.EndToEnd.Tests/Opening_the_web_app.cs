using System.Net;
using System.Text.RegularExpressions;

namespace Lms.EndToEnd.Tests;

/// <summary>The gateway serves the built web app on the API's origin (Web:Root, set by ./lms to web/dist).</summary>
public sealed partial class Opening_the_web_app
{
    private static HttpClient NoRedirects() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = RunningPlatform.Gateway,
    };

    [Fact]
    public async Task The_root_leads_to_the_app()
    {
        using var client = NoRedirects();
        using var root = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/app/", root.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/app/")]
    [InlineData("/app/courses/01a2517c-9b01-7813-aa90-e5eedba7df3b")]
    [InlineData("/app/verify/ABC-123")]
    public async Task A_client_route_reloads_as_the_app_never_cached_and_under_a_strict_policy(string path)
    {
        using var client = NoRedirects();
        using var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        var policy = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hashed_files_are_cached_for_a_year_and_sent_compressed_to_browsers_that_take_brotli()
    {
        using var client = NoRedirects();
        var html = await client.GetStringAsync("/app/");
        var script = ScriptPath().Match(html).Groups["path"].Value;
        Assert.StartsWith("/app/assets/", script, StringComparison.Ordinal);

        using var plain = await client.GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal("text/javascript", plain.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", plain.Headers.CacheControl?.ToString());
        Assert.Empty(plain.Content.Headers.ContentEncoding);

        using var request = new HttpRequestMessage(HttpMethod.Get, script);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        using var compressed = await client.SendAsync(request);
        Assert.Equal(["br"], compressed.Content.Headers.ContentEncoding);
        Assert.True(compressed.Content.Headers.ContentLength < plain.Content.Headers.ContentLength / 2,
            $"{compressed.Content.Headers.ContentLength} compressed bytes of {plain.Content.Headers.ContentLength}");
    }

    [Theory]
    [InlineData("/app/assets/index-missing.js")]
    [InlineData("/app/assets/../../appsettings.json")]
    [InlineData("/app/assets/%2e%2e/%2e%2e/Lms.Gateway.dll")]
    public async Task A_missing_or_climbing_asset_is_not_found_rather_than_the_app(string path)
    {
        using var client = NoRedirects();
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path}: {response.StatusCode}");
        Assert.DoesNotContain("<div id=\"root\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_keeps_its_routes_beside_the_app()
    {
        using var client = NoRedirects();
        using var me = await client.GetAsync("/identity/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        using var write = await client.PostAsync("/app/anything", new StringContent("{}"));
        Assert.NotEqual(HttpStatusCode.OK, write.StatusCode);
    }

    [GeneratedRegex("<script type=\"module\" crossorigin src=\"(?<path>[^\"]+)\"")]
    private static partial Regex ScriptPath();
}
