using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;
using Lms.Testing;

namespace Lms.Services.Tests.Institution;

[Collection(PlatformGroup.Name)]
public sealed class Browsing_the_catalog(Platform platform)
{
    [Fact]
    public async Task Shows_published_courses_only_found_by_text_and_category()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, $"카탈로그교육원 {tag}");
        var published = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager, $"공개 과정 {tag}");
        await InstitutionScenarios.CreateCourseAsync(manager, $"초안 과정 {tag}");
        var employee = Caller.As(platform.Institution.Client, Roles.Employee, Guid.NewGuid(), "company");

        var byText = await (await employee.GetAsync($"/institution/v1/catalog?q={tag}")).Content.ReadFromJsonAsync<JsonElement>();
        var byCategory = await (await employee.GetAsync($"/institution/v1/catalog?q={tag}&category=FINANCE_INSURANCE")).Content.ReadFromJsonAsync<JsonElement>();

        var item = Assert.Single(byText.GetProperty("items").EnumerateArray());
        Assert.Equal(published, item.GetProperty("id").GetGuid());
        Assert.Equal($"카탈로그교육원 {tag}", item.GetProperty("institutionName").GetString());
        Assert.Equal(1, byText.GetProperty("total").GetInt32());
        Assert.Equal(0, byCategory.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_categories_are_the_25_with_korean_titles_for_anyone()
    {
        var categories = await Caller.Anonymous(platform.Institution.Client).GetAsync("/institution/v1/categories");

        var list = await categories.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(25, list.GetArrayLength());
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("title").GetString() == "정보통신");
    }

    [Theory]
    [InlineData("size=101")]
    [InlineData("page=0")]
    public async Task An_unbounded_or_impossible_page_is_a_400(string query)
    {
        var response = await Caller.Visitor(platform.Institution.Client).GetAsync($"/institution/v1/catalog?{query}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
