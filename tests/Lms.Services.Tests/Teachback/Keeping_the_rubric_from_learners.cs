using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Student;
using Lms.Services.Tests.Support;
using Lms.Student.Teachback.Scoring;
using Lms.Testing;
using static Lms.Services.Tests.Teachback.TeachbackScenarios;

namespace Lms.Services.Tests.Teachback;

/// <summary>
/// Learners read a topic's title and the prompt written for them, never its rubric (key points and synonyms), and an
/// explanation that is mostly the rubric pasted back is scored as a copy.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Keeping_the_rubric_from_learners(Platform platform)
{
    [Fact]
    public async Task A_learners_topic_view_has_the_title_and_prompt_but_no_key_points_or_synonyms()
    {
        var c = await StudentScenarios.ClassAsync(platform);
        var courseTopic = await CourseTopicAsync(platform, c.CourseId, c.InstitutionId);
        var catalogTopic = await CatalogTopicAsync(platform, $"현장 안전 수칙 {Guid.NewGuid():N}");

        var response = await c.Learner.GetAsync("/student/v1/teachback-topics");
        var raw = await response.Content.ReadAsStringAsync();
        var topics = JsonDocument.Parse(raw).RootElement;

        var mine = topics.GetProperty("courses").EnumerateArray().Single(x => x.GetProperty("courseId").GetGuid() == c.CourseId)
            .GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == courseTopic);
        Assert.Equal("보호구 착용", mine.GetProperty("title").GetString());
        Assert.Equal(SafetyPrompt, mine.GetProperty("prompt").GetString());
        Assert.False(mine.TryGetProperty("keyPoints", out _));
        Assert.False(mine.TryGetProperty("synonyms", out _));
        var catalog = topics.GetProperty("catalog").EnumerateArray().SelectMany(m => m.GetProperty("subjects").EnumerateArray())
            .SelectMany(s => s.GetProperty("topics").EnumerateArray()).Single(t => t.GetProperty("id").GetGuid() == catalogTopic);
        Assert.Equal(SafetyPrompt, catalog.GetProperty("prompt").GetString());
        Assert.False(catalog.TryGetProperty("keyPoints", out _));
        Assert.All(SafetyPoints, point => Assert.DoesNotContain(point, raw, StringComparison.Ordinal));
        Assert.DoesNotContain("산안법", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_read_a_catalog_topics_rubric()
    {
        var topicId = await CatalogTopicAsync(platform);

        var asAdmin = await (await Admin(platform).GetAsync($"/student/v1/teachback-topics/{topicId}")).Content.ReadFromJsonAsync<JsonElement>();
        var asLearner = await Learner(platform).GetAsync($"/student/v1/teachback-topics/{topicId}");

        Assert.Equal(SafetyPoints, asAdmin.GetProperty("keyPoints").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(SafetyPrompt, asAdmin.GetProperty("prompt").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, asLearner.StatusCode);
    }

    [Fact]
    public async Task Pasting_the_rubric_is_scored_as_a_copy_with_a_weakness_that_says_why()
    {
        var c = await StudentScenarios.ClassAsync(platform);
        var topicId = await CourseTopicAsync(platform, c.CourseId, c.InstitutionId);

        // What learners pasted when the topic view carried its rubric: the key points, then the synonyms.
        var result = await FinalAsync(c.Learner, await SubmitTextAsync(c.Learner, topicId, string.Join("\n", SafetyPoints) + "\n산업안전보건법: 산안법"));

        Assert.Equal("SUCCEEDED", result.GetProperty("status").GetString());
        Assert.Equal(CopiedRubric.MaxScore, result.GetProperty("score").GetInt32());
        Assert.Contains("그대로 옮긴", result.GetProperty("weaknesses")[0].GetString(), StringComparison.Ordinal);
    }
}
