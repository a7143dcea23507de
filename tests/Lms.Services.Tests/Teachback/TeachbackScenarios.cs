using System.Net.Http.Json;
using System.Text.Json;
using Lms.Contracts.Teachback;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;
using Lms.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Teachback;

public static class TeachbackScenarios
{
    public static readonly string[] SafetyPoints =
    [
        "안전모는 현장에서 항상 착용한다",
        "추락 위험이 있는 곳에는 안전대를 건다",
        "산업안전보건법은 사업주의 안전조치 의무를 정한다",
    ];

    public const string FullExplanation = "현장에서는 안전모를 항상 착용해야 합니다. 추락 위험이 있는 곳에서는 반드시 안전대를 걸어야 하고, " +
                                          "산업안전보건법은 사업주에게 안전조치 의무를 부과합니다.";

    public static Caller Admin(Platform platform) => Caller.As(platform.Student.Client, Roles.Admin);

    public static Caller Learner(Platform platform) => Caller.As(platform.Student.Client, Roles.Employee, Guid.CreateVersion7(), "company");

    /// <summary>An admin adds a catalog topic (open to every signed-in user); returns its id.</summary>
    public static async Task<Guid> CatalogTopicAsync(Platform platform, string title = "현장 안전 수칙")
    {
        var created = await Admin(platform).PostAsync("/student/v1/teachback-topics", new
        {
            major = "산업안전", subject = "보호구", title, prompt = SafetyPrompt, keyPoints = SafetyPoints,
            synonyms = new Dictionary<string, string[]> { ["산업안전보건법"] = ["산안법"] },
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public const string SafetyPrompt = "현장에서 안전모와 안전대는 언제 써야 하나요? 사업주에게는 어떤 의무가 있나요?";

    /// <summary>The institution's topic of a course as the student service learns of it; waits until it is known.</summary>
    public static async Task<Guid> CourseTopicAsync(Platform platform, Guid courseId, Guid institutionId, string? prompt = SafetyPrompt)
    {
        var topicId = Guid.CreateVersion7();
        await platform.Student.Services.GetRequiredService<IBus>().Publish(new TeachbackTopicChanged(topicId, courseId, institutionId, "보호구 착용",
            SafetyPoints, new Dictionary<string, IReadOnlyList<string>> { ["산업안전보건법"] = ["산안법"] }, "ko", false, 1, DateTimeOffset.UtcNow, prompt));
        await Eventually.TrueAsync(() => platform.Student.WithDbAsync(db => db.TeachbackTopics.AnyAsync(t => t.Id == topicId)),
            TimeSpan.FromSeconds(30), "the student service knows the course topic");
        return topicId;
    }

    /// <summary>The content service announces a recording of <paramref name="uploader"/>; waits until the student service knows it.</summary>
    public static async Task<Guid> RecordingAsync(Platform platform, Guid uploader, string storageKey = "teachback-audio/none.wav")
    {
        var fileId = Guid.CreateVersion7();
        await platform.Student.Services.GetRequiredService<IBus>().Publish(
            new TeachbackAudioReady(fileId, uploader, "설명.wav", "audio/wav", 48_000, 3, storageKey, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => platform.Student.WithDbAsync(db => db.TeachbackAudio.AnyAsync(a => a.FileId == fileId)),
            TimeSpan.FromSeconds(30), "the student service knows the recording");
        return fileId;
    }

    public static async Task<Guid> SubmitTextAsync(Caller learner, Guid topicId, string text = FullExplanation)
    {
        var response = await learner.PostAsync("/student/v1/teachbacks", new { topicId, text });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Polls the submission as its owner until it leaves PENDING.</summary>
    public static Task<JsonElement> FinalAsync(Caller learner, Guid id) =>
        Eventually.GetAsync(async () =>
            {
                var response = await learner.GetAsync($"/student/v1/teachbacks/{id}");
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            },
            view => view.GetProperty("status").GetString() != "PENDING", TimeSpan.FromSeconds(30), "the submission is processed");
}
