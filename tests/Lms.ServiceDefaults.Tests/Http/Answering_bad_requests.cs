using System.Net;
using System.Net.Http.Json;
using System.Text;
using Lms.Testing;

namespace Lms.ServiceDefaults.Tests.Http;

public sealed class Answering_bad_requests(SampleService service) : IClassFixture<SampleService>
{
    [Fact]
    public async Task Malformed_json_is_a_400_problem_that_says_the_body_could_not_be_read()
    {
        var response = await PostRawAsync("{\"email\": \"a@b.co\", ");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The request could not be read.", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_400_problem()
    {
        var response = await PostRawAsync("{\"email\": \"a@b.co\", \"name\": \"n\", \"count\": \"many\"}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Invalid_fields_are_a_400_that_names_each_field()
    {
        var response = await service.Client.PostAsJsonAsync("/sample/v1/things", new { email = "not-an-email", name = "far too long a name", count = 0 });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("count", out _));
    }

    [Fact]
    public async Task A_valid_request_reaches_the_handler()
    {
        var response = await service.Client.PostAsJsonAsync("/sample/v1/things", new { email = "a@b.co", name = "ok", count = 3 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        var response = await service.Client.PostAsync("/sample/v1/things", new StringContent("email=a", Encoding.UTF8, "text/plain"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var response = await service.Client.GetAsync("/sample/v1/nothing-here");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_fault_of_ours_is_a_500_problem_that_reveals_nothing_but_the_trace_id()
    {
        var response = await service.Client.GetAsync("/sample/v1/broken");

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("secret internal detail", problem.GetRawText(), StringComparison.Ordinal);
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_is_a_503_with_retry_after_not_a_500()
    {
        var response = await service.Client.GetAsync("/sample/v1/database-away");

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("https://lms.example/problems/database-unavailable", problem.GetProperty("type").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_database_connection_lost_mid_query_is_a_503_with_retry_after_not_a_500()
    {
        var response = await service.Client.GetAsync("/sample/v1/database-lost");

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("https://lms.example/problems/database-unavailable", problem.GetProperty("type").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private Task<HttpResponseMessage> PostRawAsync(string json) =>
        service.Client.PostAsync("/sample/v1/things", new StringContent(json, Encoding.UTF8, "application/json"));
}
