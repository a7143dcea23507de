using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Institution;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;
using static Lms.Services.Tests.Teachback.TeachbackScenarios;

namespace Lms.Services.Tests.Teachback;

/// <summary>Institutions' course topics (published to the student service) and the admins' free-practice catalog.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Managing_topics(Platform platform)
{
    private static readonly string[] One = ["핵심"];
    private static readonly string[] Blank = ["  "];
    private static readonly string[] Handshake = ["SYN", "SYN-ACK", "ACK"];
    private static readonly string[] X = ["x"];

    [Fact]
    public async Task A_managers_course_topic_reaches_the_student_service_and_follows_its_changes()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform, $"교육원{Random.Shared.Next(100000)}");
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);

        var created = await manager.PostAsync($"/institution/v1/courses/{courseId}/teachback-topics", new
        {
            title = "보호구 착용", prompt = $"  {SafetyPrompt} ", keyPoints = SafetyPoints, synonyms = new Dictionary<string, string[]> { ["안전대"] = ["하네스"] },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var topic = await created.Content.ReadFromJsonAsync<JsonElement>();
        var topicId = topic.GetProperty("id").GetGuid();
        Assert.Equal("ko", topic.GetProperty("language").GetString());
        Assert.Equal(SafetyPrompt, topic.GetProperty("prompt").GetString());
        var learned = await Eventually.GetAsync(() => platform.Student.WithDbAsync(db => db.TeachbackTopics.AsNoTracking().SingleOrDefaultAsync(t => t.Id == topicId)),
            t => t is not null, TimeSpan.FromSeconds(30), "the student service learns the topic");
        Assert.Equal((courseId, SafetyPrompt), (learned!.CourseId!.Value, learned.Prompt));

        (await manager.PutAsync($"/institution/v1/teachback-topics/{topicId}", new { title = "보호구 바르게 착용", keyPoints = SafetyPoints[..2], language = "ko" }))
            .EnsureSuccessStatusCode();
        var changed = await Eventually.GetAsync(() => platform.Student.WithDbAsync(db => db.TeachbackTopics.AsNoTracking().SingleAsync(t => t.Id == topicId)),
            t => t.Title == "보호구 바르게 착용", TimeSpan.FromSeconds(30), "the student service follows the change");
        Assert.Equal(SafetyPoints[..2], changed.KeyPoints);
        Assert.Null(changed.Prompt);
        Assert.Equal(2, changed.Version);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/institution/v1/teachback-topics/{topicId}")).StatusCode);
        await Eventually.TrueAsync(() => platform.Student.WithDbAsync(db => db.TeachbackTopics.AnyAsync(t => t.Id == topicId && t.Deleted)),
            TimeSpan.FromSeconds(30), "the student service takes the topic away");
        var listed = await (await manager.GetAsync($"/institution/v1/courses/{courseId}/teachback-topics")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, listed.GetArrayLength());
    }

    [Fact]
    public async Task Another_institutions_course_or_topic_is_not_found_and_bad_topics_are_400s()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform, $"교육원{Random.Shared.Next(100000)}");
        var (_, otherManager) = await InstitutionScenarios.RegisterAsync(platform, $"교육원{Random.Shared.Next(100000)}");
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var topicId = (await (await manager.PostAsync($"/institution/v1/courses/{courseId}/teachback-topics",
            new { title = "주제", keyPoints = One })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await (await otherManager.PostAsync($"/institution/v1/courses/{courseId}/teachback-topics", new { title = "주제", keyPoints = One }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherManager.GetAsync($"/institution/v1/courses/{courseId}/teachback-topics")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherManager.PutAsync($"/institution/v1/teachback-topics/{topicId}", new { title = "뺏기", keyPoints = One }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherManager.DeleteAsync($"/institution/v1/teachback-topics/{topicId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PostAsync($"/institution/v1/courses/{courseId}/teachback-topics", new { title = "주제", keyPoints = Blank }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await manager.PostAsync($"/institution/v1/courses/{courseId}/teachback-topics", new { title = "주제", keyPoints = One, language = "fr" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await manager.PostAsync($"/institution/v1/courses/{courseId}/teachback-topics", new { title = "주제", keyPoints = One, prompt = new string('가', 2001) }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await Caller.As(platform.Institution.Client, Roles.Employee)
            .PostAsync($"/institution/v1/courses/{courseId}/teachback-topics", new { title = "주제", keyPoints = One })).StatusCode);
        var unchanged = await platform.Institution.WithDbAsync(db => db.TeachbackTopics.SingleAsync(t => t.Id == topicId));
        Assert.Equal("주제", unchanged.Title);
        Assert.False(unchanged.Deleted);
    }

    [Fact]
    public async Task The_catalog_is_curated_by_admins_and_open_to_every_signed_in_user()
    {
        var major = $"전공{Random.Shared.Next(100000)}";
        var admin = Admin(platform);
        var created = await admin.PostAsync("/student/v1/teachback-topics", new { major, subject = "네트워크", title = "TCP 3-way handshake", keyPoints = Handshake, language = "en" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var topicId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var visitor = Caller.Visitor(platform.Student.Client);

        var topics = await (await visitor.GetAsync("/student/v1/teachback-topics")).Content.ReadFromJsonAsync<JsonElement>();
        var mine = topics.GetProperty("catalog").EnumerateArray().Single(m => m.GetProperty("major").GetString() == major);
        Assert.Equal("네트워크", mine.GetProperty("subjects")[0].GetProperty("subject").GetString());
        Assert.Equal(topicId, mine.GetProperty("subjects")[0].GetProperty("topics")[0].GetProperty("id").GetGuid());

        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.PostAsync("/student/v1/teachback-topics",
            new { major, subject = "네트워크", title = "몰래", keyPoints = X })).StatusCode);
        await (await admin.PutAsync($"/student/v1/teachback-topics/{Guid.CreateVersion7()}", new { major, subject = "s", title = "t", keyPoints = X }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/student/v1/teachback-topics/{topicId}")).StatusCode);
        await (await visitor.PostAsync("/student/v1/teachbacks", new { topicId, text = "SYN SYN-ACK ACK" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
