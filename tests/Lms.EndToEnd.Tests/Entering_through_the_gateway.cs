using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lms.Testing;

namespace Lms.EndToEnd.Tests;

public sealed class Entering_through_the_gateway
{
    [Fact]
    public async Task Health_reports_all_seven_services_ready()
    {
        using var client = RunningPlatform.NewClient();

        // An earlier fault test stops and restarts the broker; give the services time to reconnect.
        var body = await Eventually.GetAsync(async () =>
        {
            using var response = await client.GetAsync("/health");
            return (response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonElement>());
        }, r => r.StatusCode == HttpStatusCode.OK && r.Body.GetProperty("status").GetString() == "Healthy",
            TimeSpan.FromSeconds(60), "the gateway reports every service healthy");

        var services = body.Body.GetProperty("services");
        var names = services.EnumerateObject().Select(s => s.Name).Order().ToArray();
        Assert.Equal(["board", "company", "content", "identity", "institution", "live", "student"], names);
        Assert.All(services.EnumerateObject(), s => Assert.Equal("Healthy", s.Value.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task The_docs_page_and_every_service_document_are_served()
    {
        using var client = RunningPlatform.NewClient();

        using var page = await client.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        foreach (var service in new[] { "identity", "institution", "company", "student", "content", "live", "board" })
        {
            using var document = await client.GetAsync($"/{service}/openapi/v1.json");
            Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        }
    }

    [Fact]
    public async Task A_token_that_does_not_validate_is_refused_at_the_edge()
    {
        using var client = RunningPlatform.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/institution/v1/courses");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_malformed_body_is_a_400_problem_and_creates_nothing()
    {
        using var client = RunningPlatform.NewClient();

        using var response = await client.PostAsync("/identity/v1/signup", new StringContent("{\"email\":", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_problem()
    {
        using var client = RunningPlatform.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/identity/v1/signup")
        {
            Content = new StringContent(new string('x', 11 * 1024 * 1024), Encoding.UTF8, "application/json"),
        };
        // As a well-behaved client does: the gateway refuses before the body is sent.
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Repeated_calls_to_the_sign_in_family_of_routes_from_one_address_are_slowed_down()
    {
        // The resend route, which no other test calls: the limit counts per address and route. Each call names a
        // different account, so only the per-address limit (whatever it is configured to) can stop them.
        using var client = RunningPlatform.NewClient();
        HttpResponseMessage? last = null;
        var attempts = 0;
        while (attempts < 60)
        {
            last?.Dispose();
            last = await client.PostAsJsonAsync("/identity/v1/confirm/resend", new { email = $"nobody.{Guid.NewGuid():N}@example.com" });
            attempts++;
            if (last.StatusCode != HttpStatusCode.Accepted)
            {
                break;
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(attempts > 1, "the first calls get through");
        Assert.True(last.Headers.RetryAfter is not null, "429 says when to retry");
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        last.Dispose();
    }

    [Fact]
    public async Task Repeated_sign_ins_to_one_account_are_slowed_down_while_other_accounts_still_get_through()
    {
        using var client = RunningPlatform.NewClient();
        var target = $"target.{Guid.NewGuid():N}";
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            // Spelling the route or the field differently does not make a different account.
            using var response = attempt % 2 == 0
                ? await client.PostAsJsonAsync("/identity/v1/signin", new { login = target, password = "guess 123456" })
                : await client.PostAsJsonAsync("/identity/v1/signin/", new { Login = target.ToUpperInvariant(), password = "guess 123456" });
            statuses.Add(response.StatusCode);
        }
        using var other = await client.PostAsJsonAsync("/identity/v1/signin", new { login = $"other.{Guid.NewGuid():N}", password = "guess 123456" });

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task Naming_the_account_twice_in_one_body_is_refused()
    {
        using var client = RunningPlatform.NewClient();

        using var response = await client.PostAsync("/identity/v1/signin", new StringContent(
            """{"login":"decoy","Login":"victim","password":"guess 123456"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("http://localhost:3000", true)]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("https://evil.example", false)]
    public async Task Cross_origin_calls_are_allowed_only_from_configured_origins(string origin, bool allowed)
    {
        using var client = RunningPlatform.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/identity/v1/signup");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await client.SendAsync(request);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins) && origins.Contains(origin));
    }
}
