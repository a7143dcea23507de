using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;

using static Lms.Services.Tests.Institution.ExamScenarios;

namespace Lms.Services.Tests.Institution;

/// <summary>
/// Fields the OpenAPI document marks required are refused when missing, instead of being stored as defaults
/// (an exam without a pass score would pass everyone; a chapter without its items would be emptied).
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Refusing_missing_required_fields(Platform platform)
{
    [Fact]
    public async Task An_exam_without_a_pass_score_is_a_400_naming_it_and_nothing_is_stored()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var exam = NewExam();
        exam.Remove("passScore");

        var response = await manager.PostAsync($"/institution/v1/courses/{courseId}/exams", exam);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("passScore", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await platform.Institution.WithDbAsync(db => db.Exams.AnyAsync(e => e.CourseId == courseId)));
    }

    [Fact]
    public async Task Replacing_an_exam_without_a_pass_score_keeps_the_one_it_had()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var examId = await CreateExamAsync(manager, courseId, NewExam());
        var exam = NewExam();
        exam.Remove("passScore");

        var response = await manager.PutAsync($"/institution/v1/exams/{examId}", exam);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(60, (await GetExamAsync(manager, examId)).GetProperty("passScore").GetInt32());
    }

    [Fact]
    public async Task A_pass_score_of_zero_given_explicitly_is_accepted()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var exam = NewExam();
        exam["passScore"] = 0;

        var examId = await CreateExamAsync(manager, courseId, exam);

        Assert.Equal(0, (await GetExamAsync(manager, examId)).GetProperty("passScore").GetInt32());
    }

    [Fact]
    public async Task A_chapter_whose_items_are_null_is_a_400_naming_it_and_the_structure_is_kept()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var path = $"/institution/v1/courses/{courseId}/structure";
        (await manager.PutAsync(path, new { chapters = new[] { new { title = "1장", items = Array.Empty<object>() } } })).EnsureSuccessStatusCode();

        var response = await manager.PutAsync(path, JsonDocument.Parse("""
            {"chapters":[{"title":"1장","items":[]},{"title":"2장","items":null}]}
            """).RootElement.Clone());

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("chapters[1].items", out _), $"expected an error on chapters[1].items, got {errors}");
        var kept = await (await manager.GetAsync(path)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["1장"], kept.GetProperty("chapters").EnumerateArray().Select(ch => ch.GetProperty("title").GetString()));
    }
}
