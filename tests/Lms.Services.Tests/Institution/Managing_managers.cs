using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Lms.Testing;

namespace Lms.Services.Tests.Institution;

[Collection(PlatformGroup.Name)]
public sealed class Managing_managers(Platform platform)
{
    [Fact]
    public async Task A_manager_adds_a_signed_up_person_and_removes_them_again()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var colleague = await platform.Identity.Client.SignUpAsync(NewAccounts.Unique("동료"));
        await Eventually.TrueAsync(async () => await platform.UserDirectories["institution"](colleague.UserId) is not null,
            TimeSpan.FromSeconds(30), "the institution service knows the colleague");

        var added = await manager.PostAsync("/institution/v1/institutions/mine/managers", new { userId = colleague.UserId });
        var listed = await (await manager.GetAsync("/institution/v1/institutions/mine/managers")).Content.ReadFromJsonAsync<JsonElement>();
        var removed = await manager.DeleteAsync($"/institution/v1/institutions/mine/managers/{colleague.UserId}");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Contains(listed.EnumerateArray(), m => m.GetProperty("userId").GetGuid() == colleague.UserId && m.GetProperty("name").GetString() == "동료");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
    }

    [Fact]
    public async Task The_last_manager_cannot_be_removed()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);

        var response = await manager.DeleteAsync($"/institution/v1/institutions/mine/managers/{manager.UserId}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("https://lms.example/problems/last-manager", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Adding_someone_nobody_knows_is_404()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);

        var response = await manager.PostAsync("/institution/v1/institutions/mine/managers", new { userId = Guid.NewGuid() });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_removed_manager_is_refused_even_with_a_token_that_still_says_manager()
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var colleague = await platform.Identity.Client.SignUpAsync(NewAccounts.Unique());
        await Eventually.TrueAsync(async () => await platform.UserDirectories["institution"](colleague.UserId) is not null,
            TimeSpan.FromSeconds(30), "the institution service knows the colleague");
        (await manager.PostAsync("/institution/v1/institutions/mine/managers", new { userId = colleague.UserId })).EnsureSuccessStatusCode();
        (await manager.DeleteAsync($"/institution/v1/institutions/mine/managers/{colleague.UserId}")).EnsureSuccessStatusCode();
        var staleToken = Caller.As(platform.Institution.Client, "InstitutionManager", institutionId, "institution", colleague.UserId);

        var response = await staleToken.GetAsync("/institution/v1/institutions/mine");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
