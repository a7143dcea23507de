using System.Net;
using System.Text.Json;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Company;
using Lms.Services.Tests.Institution;
using Lms.Services.Tests.Provision;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Administration;

[Collection(PlatformGroup.Name)]
public sealed class Suspending_an_institution(Platform platform)
{
    [Fact]
    public async Task Its_course_vanishes_from_the_catalog_and_a_request_for_it_is_refused()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var (parties, title) = await UniquePartiesAsync();
        Assert.Equal([parties.CourseId], Ids(await CatalogAsync($"q={Uri.EscapeDataString(title)}")));

        var suspended = await AdminScenarios.In(platform.Institution, admin).ActAsync($"/institution/v1/admin/institutions/{parties.InstitutionId}/suspend");

        Assert.Equal("SUSPENDED", (await suspended.JsonAsync()).GetProperty("state").GetString());
        var search = await CatalogAsync($"q={Uri.EscapeDataString(title)}");
        Assert.Empty(Ids(search));
        Assert.Equal(0, search.GetProperty("total").GetInt32());
        await (await Learner().GetAsync($"/institution/v1/catalog/{parties.CourseId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await CompanyKnowsAsync(parties.InstitutionId, suspended: true);
        var request = await parties.Supervisor.PostAsync("/company/v1/course-provides", ProvisionScenarios.Terms(parties.CourseId));
        var problem = await request.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith("/institution-suspended", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_short_word_counted_from_the_index_leaves_out_the_suspended_course()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var word = RandomHangul(2);
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, $"정지교육원 {RandomHangul(3)}");
        var courseId = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager, $"안전{word}교육");
        Assert.Equal(1, (await CatalogAsync($"q={Uri.EscapeDataString(word)}")).GetProperty("total").GetInt32());

        (await AdminScenarios.In(platform.Institution, admin).ActAsync($"/institution/v1/admin/institutions/{institutionId}/suspend"))
            .EnsureSuccessStatusCode();

        var search = await CatalogAsync($"q={Uri.EscapeDataString(word)}");
        Assert.DoesNotContain(courseId, Ids(search));
        Assert.Equal(0, search.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Its_people_keep_their_accounts_and_see_the_suspension()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, "정지교육원");

        (await AdminScenarios.In(platform.Institution, admin).ActAsync($"/institution/v1/admin/institutions/{institutionId}/suspend"))
            .EnsureSuccessStatusCode();

        var mine = await (await manager.GetAsync("/institution/v1/institutions/mine")).JsonAsync();
        Assert.NotEqual(JsonValueKind.Null, mine.GetProperty("suspendedAt").ValueKind);
    }

    [Fact]
    public async Task A_pending_request_cannot_be_accepted_while_suspended_and_can_be_after_reinstating()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var provisionId = await ProvisionScenarios.RequestAsync(parties);
        await ProvisionScenarios.InstitutionSeesAsync(platform, provisionId, "REQUESTED");
        var institutions = AdminScenarios.In(platform.Institution, admin);
        (await institutions.ActAsync($"/institution/v1/admin/institutions/{parties.InstitutionId}/suspend")).EnsureSuccessStatusCode();
        await CompanyKnowsAsync(parties.InstitutionId, suspended: true);

        var whileSuspended = await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/accept");

        var problem = await whileSuspended.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("suspended", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        (await institutions.ActAsync($"/institution/v1/admin/institutions/{parties.InstitutionId}/reinstate", "소명 완료")).EnsureSuccessStatusCode();
        await CompanyKnowsAsync(parties.InstitutionId, suspended: false);
        Assert.Equal(HttpStatusCode.OK, (await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/accept")).StatusCode);
    }

    [Fact]
    public async Task Reinstating_brings_the_course_back_to_the_catalog_and_requests_are_taken_again()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var (parties, title) = await UniquePartiesAsync();
        var institutions = AdminScenarios.In(platform.Institution, admin);
        (await institutions.ActAsync($"/institution/v1/admin/institutions/{parties.InstitutionId}/suspend")).EnsureSuccessStatusCode();

        var reinstated = await institutions.ActAsync($"/institution/v1/admin/institutions/{parties.InstitutionId}/reinstate", "소명 완료");

        Assert.Equal("ACTIVE", (await reinstated.JsonAsync()).GetProperty("state").GetString());
        Assert.Equal([parties.CourseId], Ids(await CatalogAsync($"q={Uri.EscapeDataString(title)}")));
        await CompanyKnowsAsync(parties.InstitutionId, suspended: false);
        Assert.Equal(HttpStatusCode.Created,
            (await parties.Supervisor.PostAsync("/company/v1/course-provides", ProvisionScenarios.Terms(parties.CourseId))).StatusCode);
    }

    private Task CompanyKnowsAsync(Guid institutionId, bool suspended) => Eventually.TrueAsync(
        () => platform.Company.WithDbAsync(db => db.InstitutionStandings.AnyAsync(s => s.InstitutionId == institutionId && s.Suspended == suspended)),
        TimeSpan.FromSeconds(30), $"the company service knows the institution is {(suspended ? "suspended" : "reinstated")}");

    /// <summary>As <see cref="ProvisionScenarios.PartiesAsync"/>, with a course title no other course in the shared database has.</summary>
    private async Task<(Parties Parties, string Title)> UniquePartiesAsync()
    {
        var title = $"정지 대상 과정 {RandomHangul(5)}";
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, "정지교육원");
        var courseId = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager, title);
        await Eventually.TrueAsync(() => platform.Company.WithDbAsync(db => db.CatalogCourses.AnyAsync(c => c.CourseId == courseId && c.State == "PUBLISHED")),
            TimeSpan.FromSeconds(30), "the company service knows the published course");
        var (companyId, domain, supervisor) = await CompanyScenarios.RegisterAsync(platform, "정지거래처");
        return (new Parties(institutionId, manager, courseId, companyId, domain, supervisor), title);
    }

    private Caller Learner() => Caller.As(platform.Institution.Client, Roles.Employee, Guid.NewGuid(), "company");

    private async Task<JsonElement> CatalogAsync(string query) =>
        await (await Learner().GetAsync($"/institution/v1/catalog?{query}")).JsonAsync();

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    private static string RandomHangul(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => (char)Random.Shared.Next(0xAC00, 0xD7A4)));
}
