using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Institution.Catalog;
using Lms.Institution.Courses;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lms.Services.Tests.Institution;

/// <summary>
/// The catalog's text search through its n-gram index (<see cref="CatalogIndex"/>): the same answers as a substring
/// test over titles and institution names, kept in step by every write. Each test makes its own random Hangul
/// words so that the shared test database's other courses never match them.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Searching_the_catalog(Platform platform)
{
    [Fact]
    public async Task A_korean_word_is_found_from_the_middle_of_a_longer_word_and_not_when_it_is_not_there()
    {
        var word = RandomHangul(4);
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, $"검색교육원 {RandomHangul(3)}");
        var course = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager, $"산업안전{word}보건교육");

        var middle = await SearchAsync(word[1..3]);
        var across = await SearchAsync($"{word[2..]}보");
        var absent = await SearchAsync($"{word[1..3]}{RandomHangul(1)}");

        Assert.Equal([course], Ids(middle));
        Assert.Equal(1, middle.GetProperty("total").GetInt32());
        Assert.Equal([course], Ids(across));
        Assert.Empty(Ids(absent));
        Assert.Equal(0, absent.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Mixed_korean_and_latin_text_matches_as_a_case_insensitive_substring_spaces_included()
    {
        var latin = $"Qz{Guid.NewGuid():N}"[..10];
        var word = RandomHangul(3);
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, $"검색교육원 {RandomHangul(3)}");
        var course = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager, $"Excel{latin} {word}실무");

        var mixedCase = await SearchAsync($"cEL{latin.ToUpperInvariant()} {word[..2]}");
        var withoutTheSpace = await SearchAsync($"{latin}{word[..2]}");

        Assert.Equal([course], Ids(mixedCase));
        Assert.Equal(1, mixedCase.GetProperty("total").GetInt32());
        Assert.Empty(Ids(withoutTheSpace));
    }

    [Fact]
    public async Task The_institution_name_is_searched_too()
    {
        var name = RandomHangul(4);
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, $"{name}교육원");
        var course = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager, "직장 내 괴롭힘 예방");

        var found = await SearchAsync(name[1..]);

        var item = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal(course, item.GetProperty("id").GetGuid());
        Assert.Equal($"{name}교육원", item.GetProperty("institutionName").GetString());
    }

    [Fact]
    public async Task A_one_character_query_finds_the_character_anywhere_in_a_word_published_courses_only()
    {
        // A syllable no published course has yet (the test database may hold a benchmark's 100,000 courses).
        var character = RandomHangul(1);
        while ((await SearchAsync(character)).GetProperty("total").GetInt32() > 0)
        {
            character = RandomHangul(1);
        }
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, $"검색교육원 {RandomHangul(3)}");
        var alone = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager, $"기초 과정 {character}");
        var inside = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager, $"가{character}나 과정");
        var draft = await InstitutionScenarios.CreateCourseAsync(manager, $"{character} 초안");

        var found = await SearchAsync(character, "size=100");

        Assert.Contains(alone, Ids(found));
        Assert.Contains(inside, Ids(found));
        Assert.DoesNotContain(draft, Ids(found));
        Assert.Equal(Ids(found).Count, found.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_unpublished_or_archived_course_is_not_found()
    {
        var word = RandomHangul(3);
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, $"검색교육원 {RandomHangul(3)}");
        await InstitutionScenarios.CreateCourseAsync(manager, $"{word} 초안 과정");
        var archived = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager, $"{word} 보관 과정");
        var before = await SearchAsync(word);

        (await manager.PostAsync($"/institution/v1/courses/{archived}/archive")).EnsureSuccessStatusCode();
        var after = await SearchAsync(word);

        Assert.Equal([archived], Ids(before));
        Assert.Empty(Ids(after));
        Assert.Equal(0, after.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_retitled_course_is_found_by_its_new_title_and_no_longer_by_its_old_one()
    {
        var (oldWord, newWord) = (RandomHangul(3), RandomHangul(3));
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, $"검색교육원 {RandomHangul(3)}");
        var course = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager, $"{oldWord} 과정");

        (await manager.PutAsync($"/institution/v1/courses/{course}", InstitutionScenarios.NewCourse($"{newWord} 과정"))).EnsureSuccessStatusCode();

        Assert.Empty(Ids(await SearchAsync(oldWord)));
        var found = Assert.Single((await SearchAsync(newWord)).GetProperty("items").EnumerateArray());
        Assert.Equal($"{newWord} 과정", found.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_renamed_institution_is_found_by_its_new_name_and_no_longer_by_its_old_one_while_its_courses_keep_their_titles()
    {
        var (oldName, newName, title) = (RandomHangul(3), RandomHangul(3), RandomHangul(3));
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, $"{oldName}아카데미");
        var course = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager, $"{title} 과정");

        (await manager.PutAsync("/institution/v1/institutions/mine", InstitutionScenarios.NewInstitution($"{newName}아카데미"))).EnsureSuccessStatusCode();

        Assert.Empty(Ids(await SearchAsync(oldName)));
        var found = Assert.Single((await SearchAsync(newName)).GetProperty("items").EnumerateArray());
        Assert.Equal(course, found.GetProperty("id").GetGuid());
        Assert.Equal($"{newName}아카데미", found.GetProperty("institutionName").GetString());
        Assert.Equal([course], Ids(await SearchAsync(title)));
        // The shared pair "아카" is both the old and the new name's: the course keeps it.
        Assert.Contains(course, Ids(await SearchAsync($"{newName[2]}아카데미", "size=100")));
    }

    [Fact]
    public async Task Pages_of_a_search_are_newest_change_first_and_the_total_counts_them_all()
    {
        var word = RandomHangul(2);
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, $"검색교육원 {RandomHangul(3)}");
        var courses = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            courses.Add(await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager, $"{word}{i} 과정"));
        }

        var first = await SearchAsync(word, "size=2");
        var second = await SearchAsync(word, "size=2&page=2");

        Assert.Equal([courses[2], courses[1]], Ids(first));
        Assert.Equal([courses[0]], Ids(second));
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(3, second.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Without_text_the_catalog_is_every_published_course_newest_change_first_by_category_too()
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, $"검색교육원 {RandomHangul(3)}");
        var older = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager, $"{RandomHangul(3)} 과정");
        var newer = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager, $"{RandomHangul(3)} 과정");
        await InstitutionScenarios.CreateCourseAsync(manager, $"{RandomHangul(3)} 초안");
        var employee = Caller.As(platform.Institution.Client, Roles.Employee, Guid.NewGuid(), "company");

        var all = await (await employee.GetAsync("/institution/v1/catalog?size=2")).Content.ReadFromJsonAsync<JsonElement>();
        var inCategory = await (await employee.GetAsync("/institution/v1/catalog?size=2&category=WORKPLACE_BASICS")).Content.ReadFromJsonAsync<JsonElement>();
        // A suspended institution's courses are not in the catalog (other tests suspend institutions in this database).
        var published = await platform.Institution.WithDbAsync(db => db.Courses.CountAsync(c => c.State == "PUBLISHED"
            && db.Institutions.Any(i => i.Id == c.InstitutionId && i.SuspendedAt == null)));

        Assert.Equal([newer, older], Ids(all));
        Assert.Equal([newer, older], Ids(inCategory));
        Assert.Equal(published, all.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_published_course_missing_from_the_index_is_indexed_at_start_up()
    {
        var word = RandomHangul(3);
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, $"검색교육원 {RandomHangul(3)}");
        var course = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager, $"{word} 과정");
        await platform.Institution.WithDbAsync(db => db.CatalogGrams.Where(g => g.CourseId == course).ExecuteDeleteAsync());
        var lost = await SearchAsync(word);

        var backfill = platform.Institution.Services.GetServices<IHostedService>().OfType<CatalogIndexBackfill>().Single();
        await backfill.StartAsync(CancellationToken.None);
        await backfill.StartAsync(CancellationToken.None);

        Assert.Empty(Ids(lost));
        Assert.Equal([course], Ids(await SearchAsync(word)));
        var rows = await platform.Institution.WithDbAsync(db => db.CatalogGrams.CountAsync(g => g.CourseId == course));
        Assert.Equal(CatalogIndex.RowsOf($"{word} 과정", await platform.Institution.WithDbAsync(db =>
            db.Institutions.Where(i => i.Id == institutionId).Select(i => i.Name).SingleAsync())).Count(), rows);
    }

    [Fact]
    public async Task A_query_of_the_maximum_length_answers_and_still_finds_its_course()
    {
        // One word of distinct syllables has a gram for each neighbouring pair: 99, more tables than MariaDB joins in one statement.
        var word = DistinctHangul(CatalogQuery.MaxQueryLength);
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, $"검색교육원 {RandomHangul(3)}");
        var course = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager, $"{word} 과정");

        var found = await SearchAsync(word);
        var absent = await SearchAsync(DistinctHangul(CatalogQuery.MaxQueryLength));

        Assert.Equal([course], Ids(found));
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Empty(Ids(absent));
    }

    [Fact]
    public async Task An_unknown_category_is_a_400_naming_it()
    {
        var employee = Caller.As(platform.Institution.Client, Roles.Employee, Guid.NewGuid(), "company");

        var garbage = await employee.GetAsync("/institution/v1/catalog?category=garbage");
        var withText = await employee.GetAsync($"/institution/v1/catalog?q={Uri.EscapeDataString(RandomHangul(2))}&category=sales");
        var known = await employee.GetAsync("/institution/v1/catalog?category=SALES");

        Assert.True((await garbage.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("category", out _));
        Assert.True((await withText.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("category", out _));
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
    }

    private async Task<JsonElement> SearchAsync(string q, string? more = null)
    {
        var employee = Caller.As(platform.Institution.Client, Roles.Employee, Guid.NewGuid(), "company");
        var response = await employee.GetAsync($"/institution/v1/catalog?q={Uri.EscapeDataString(q)}{(more is null ? string.Empty : "&" + more)}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    // Syllables from the whole Hangul block: two random ones in a row are practically never in anyone else's title.
    /// <summary>As many different syllables, in random order.</summary>
    private static string DistinctHangul(int length) =>
        string.Concat(Enumerable.Range(0xAC00, 0xD7A4 - 0xAC00).OrderBy(_ => Random.Shared.Next()).Take(length).Select(c => (char)c));

    private static string RandomHangul(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => (char)Random.Shared.Next(0xAC00, 0xD7A4)));
}
