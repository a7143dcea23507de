using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Lms.Testing;

namespace Lms.Services.Tests.Institution;

[Collection(PlatformGroup.Name)]
public sealed class Building_a_course(Platform platform)
{
    [Fact]
    public async Task A_new_course_is_a_draft_with_the_default_completion_rule()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);

        var response = await manager.PostAsync("/institution/v1/courses", InstitutionScenarios.NewCourse());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var course = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("DRAFT", course.GetProperty("state").GetString());
        Assert.Equal("직업기초능력", course.GetProperty("category").GetProperty("title").GetString());
        Assert.Equal(90, course.GetProperty("completionRule").GetProperty("videoProgressPercent").GetInt32());
        Assert.Equal(8, course.GetProperty("completionRule").GetProperty("dailyItemCap").GetInt32());
    }

    [Fact]
    public async Task An_unknown_category_or_period_is_a_400_naming_them()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);

        var response = await manager.PostAsync("/institution/v1/courses",
            new { title = "x", instructorName = "y", category = "COOKING_FOR_CATS", periodDays = 0 });

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("category", out _));
        Assert.True(errors.TryGetProperty("periodDays", out _));
    }

    [Fact]
    public async Task The_structure_is_replaced_whole_with_dense_positions_and_kept_ids()
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var video = await InstitutionScenarios.ReadyFileAsync(platform, institutionId, durationSeconds: 754);
        var first = await PutStructureAsync(manager, courseId, new[]
        {
            new { id = (Guid?)null, title = "1장", items = new[] { Item(null, "영상", "VIDEO", video), Item(null, "퀴즈 안내", "OTHER", null) } },
            new { id = (Guid?)null, title = "2장", items = Array.Empty<object>() },
        });
        var chapter1 = first.GetProperty("chapters")[0];
        var videoItem = chapter1.GetProperty("items")[0].GetProperty("id").GetGuid();

        // Move the video into a new first chapter and drop the rest.
        var second = await PutStructureAsync(manager, courseId, new[]
        {
            new { id = (Guid?)null, title = "도입", items = new[] { Item(videoItem, "영상", "VIDEO", video) } },
            new { id = (Guid?)chapter1.GetProperty("id").GetGuid(), title = "1장", items = Array.Empty<object>() },
        });

        var chapters = second.GetProperty("chapters");
        Assert.Equal([1, 2], chapters.EnumerateArray().Select(c => c.GetProperty("position").GetInt32()));
        var moved = chapters[0].GetProperty("items")[0];
        Assert.Equal(videoItem, moved.GetProperty("id").GetGuid());
        Assert.Equal(1, moved.GetProperty("position").GetInt32());
        Assert.Equal(754, moved.GetProperty("durationSeconds").GetInt32());
        Assert.Equal(2, chapters.GetArrayLength());
    }

    [Fact]
    public async Task A_file_that_is_not_ready_or_belongs_to_another_institution_is_refused_by_its_place()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var (otherInstitution, _) = await InstitutionScenarios.RegisterAsync(platform);
        var foreign = await InstitutionScenarios.ReadyFileAsync(platform, otherInstitution);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);

        var response = await manager.PutAsync($"/institution/v1/courses/{courseId}/structure", new
        {
            chapters = new[] { new { title = "1장", items = new[] { Item(null, "남의 영상", "VIDEO", foreign), Item(null, "없는 파일", "DOCUMENT", Guid.NewGuid()) } } },
        });

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("chapters[0].items[0].fileId", out _));
        Assert.True(errors.TryGetProperty("chapters[0].items[1].fileId", out _));
    }

    [Fact]
    public async Task A_video_item_needs_a_video_whose_duration_was_measured()
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var unmeasured = await InstitutionScenarios.ReadyFileAsync(platform, institutionId, durationSeconds: null);
        var pdf = await InstitutionScenarios.ReadyFileAsync(platform, institutionId, contentType: "application/pdf", durationSeconds: null);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);

        var response = await manager.PutAsync($"/institution/v1/courses/{courseId}/structure", new
        {
            chapters = new[] { new { title = "1장", items = new[] { Item(null, "길이 모름", "VIDEO", unmeasured), Item(null, "문서를 영상으로", "VIDEO", pdf) } } },
        });
        var asDocument = await manager.PutAsync($"/institution/v1/courses/{courseId}/structure", new
        {
            chapters = new[] { new { title = "1장", items = new[] { Item(null, "교재", "DOCUMENT", pdf) } } },
        });

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("chapters[0].items[0].fileId", out _));
        Assert.True(errors.TryGetProperty("chapters[0].items[1].fileId", out _));
        Assert.Equal(HttpStatusCode.OK, asDocument.StatusCode);
    }

    [Fact]
    public async Task An_item_whose_kind_is_not_its_files_is_a_400_naming_the_item()
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var video = await InstitutionScenarios.ReadyFileAsync(platform, institutionId);
        var pdf = await InstitutionScenarios.ReadyFileAsync(platform, institutionId, contentType: "application/pdf", durationSeconds: null);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);

        var response = await manager.PutAsync($"/institution/v1/courses/{courseId}/structure", new
        {
            chapters = new[]
            {
                new { title = "1장", items = new[] { Item(null, "영상", "VIDEO", video), Item(null, "영상을 문서로", "DOCUMENT", video) } },
                new { title = "2장", items = new[] { Item(null, "문서를 그림으로", "IMAGE", pdf), Item(null, "교재", "DOCUMENT", pdf) } },
            },
        });

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["chapters[0].items[1].fileId", "chapters[1].items[0].fileId"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        var structure = await (await manager.GetAsync($"/institution/v1/courses/{courseId}/structure")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(structure.GetProperty("chapters").EnumerateArray());
    }

    [Fact]
    public async Task An_edit_based_on_a_stale_version_is_refused_with_412()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var loaded = await manager.GetAsync($"/institution/v1/courses/{courseId}/structure");
        var etag = loaded.Headers.ETag!.Tag;
        var body = new { chapters = new[] { new { title = "A", items = Array.Empty<object>() } } };

        var firstSave = await manager.PutAsync($"/institution/v1/courses/{courseId}/structure", body, etag);
        var secondSave = await manager.PutAsync($"/institution/v1/courses/{courseId}/structure", body, etag);

        Assert.Equal(HttpStatusCode.OK, firstSave.StatusCode);
        await secondSave.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Publishing_needs_content_and_only_a_published_course_can_be_archived()
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var empty = await InstitutionScenarios.CreateCourseAsync(manager);

        var publishEmpty = await manager.PostAsync($"/institution/v1/courses/{empty}/publish");
        var archiveDraft = await manager.PostAsync($"/institution/v1/courses/{empty}/archive");
        var published = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager);
        var publishAgain = await manager.PostAsync($"/institution/v1/courses/{published}/publish");
        var archived = await manager.PostAsync($"/institution/v1/courses/{published}/archive");
        var editArchived = await manager.PutAsync($"/institution/v1/courses/{published}", InstitutionScenarios.NewCourse("고침"));

        await publishEmpty.AssertProblemAsync(HttpStatusCode.Conflict);
        var wrongState = await archiveDraft.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("DRAFT", wrongState.GetProperty("state").GetString());
        await publishAgain.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        await editArchived.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_completion_rule_is_kept_and_an_incoherent_one_refused()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);

        var set = await manager.PutAsync($"/institution/v1/courses/{courseId}/completion-rule",
            new { videoProgressPercent = 95, courseProgressPercent = 100, evaluationPassScore = 70, dailyItemCap = 10, midExamUnlockPercent = 40, finalExamUnlockPercent = 90 });
        var incoherent = await manager.PutAsync($"/institution/v1/courses/{courseId}/completion-rule",
            new { videoProgressPercent = 0, midExamUnlockPercent = 90, finalExamUnlockPercent = 50, liveAttendancePercent = 80 });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var errors = (await incoherent.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("videoProgressPercent", out _));
        Assert.True(errors.TryGetProperty("midExamUnlockPercent", out _));
        // Live attendance may be required now that courses have live sessions.
        Assert.False(errors.TryGetProperty("liveAttendancePercent", out _));
        var course = await (await manager.GetAsync($"/institution/v1/courses/{courseId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(95, course.GetProperty("completionRule").GetProperty("videoProgressPercent").GetInt32());
    }

    [Fact]
    public async Task Another_institutions_course_does_not_exist_for_this_manager()
    {
        var (_, owner) = await InstitutionScenarios.RegisterAsync(platform);
        var (_, stranger) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(owner);

        foreach (var response in new[]
        {
            await stranger.GetAsync($"/institution/v1/courses/{courseId}"),
            await stranger.GetAsync($"/institution/v1/courses/{courseId}/structure"),
            await stranger.PutAsync($"/institution/v1/courses/{courseId}", InstitutionScenarios.NewCourse()),
            await stranger.PostAsync($"/institution/v1/courses/{courseId}/publish"),
        })
        {
            await response.AssertProblemAsync(HttpStatusCode.NotFound);
        }
    }

    private static object Item(Guid? id, string title, string kind, Guid? fileId) => new { id, title, kind, fileId, required = true };

    private static async Task<JsonElement> PutStructureAsync(Caller manager, Guid courseId, object chapters)
    {
        var response = await manager.PutAsync($"/institution/v1/courses/{courseId}/structure", new { chapters });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
