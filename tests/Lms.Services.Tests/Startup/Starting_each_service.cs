using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.Startup;

[Collection(PlatformGroup.Name)]
public sealed class Starting_each_service(Platform platform)
{
    public static TheoryData<string> Services => ["identity", "institution", "company", "student", "content", "live", "board"];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Is_ready_once_its_database_and_the_broker_answer(string service)
    {
        var response = await Host(service).Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("masstransit-bus").GetProperty("status").GetString());
        // Its migrations include outbox_dead_letters, and nothing is dead-lettered.
        Assert.Equal("Healthy", checks.GetProperty("outbox").GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Serves_its_OpenAPI_document_under_its_own_prefix(string service)
    {
        var document = await Host(service).Client.GetFromJsonAsync<JsonElement>($"/{service}/openapi/v1.json");

        Assert.Equal($"LMS {service} API", document.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Describes_sign_up_in_the_identity_document()
    {
        var document = await platform.Identity.Client.GetFromJsonAsync<JsonElement>("/identity/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty("/identity/v1/signup", out _));
    }

    private IServiceHost Host(string service) => platform.All.Single(h => h.Name == service);
}
