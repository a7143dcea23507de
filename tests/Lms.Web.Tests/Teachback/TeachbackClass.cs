using System.Text.Json;
using Lms.EndToEnd.Tests;

namespace Lms.Web.Tests.Teachback;

/// <summary>A class whose period starts today, with one teach-back topic its learner sees (topics reach the student service by an event).</summary>
public sealed record TeachbackClass(Classroom Classroom, Guid TopicId)
{
    public const string TopicTitle = "개인정보 처리 원칙";

    public const string Prompt = "개인정보를 모을 때 무엇을 알려야 하나요? 어디까지 모으고, 언제 없애야 하나요?";

    /// <summary>An explanation that covers the key points in the learner's own words: the offline scorer passes it.</summary>
    public const string GoodExplanation =
        "개인정보를 받을 때는 왜 모으는지, 그 수집 목적을 사람들에게 명확히 알려야 해요. 업무에 꼭 필요한 최소한의 정보만 받고, " +
        "정해 둔 보유 기간이 지나면 미루지 말고 파기합니다.";

    private static readonly string[] KeyPoints = ["수집 목적을 명확히 알린다", "필요한 최소한의 정보만 수집한다", "보유 기간이 지나면 파기한다"];

    public Person Learner => Classroom.Employees[0];

    public static async Task<TeachbackClass> RegisterAsync(HttpClient api)
    {
        var classroom = await Classroom.RegisterAsync(api, employees: 1, beginInDays: 0);
        var topic = await classroom.Manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/courses/{classroom.CourseId}/teachback-topics", new
        {
            title = TopicTitle,
            prompt = Prompt,
            keyPoints = KeyPoints,
            language = "ko",
        });
        var topicId = topic.GetProperty("id").GetGuid();
        var learner = classroom.Employees[0];
        await Eventually.GetAsync(async () =>
        {
            using var topics = await learner.SendAsync(HttpMethod.Get, $"/student/v1/teachback-topics?courseId={classroom.CourseId}");
            return topics.IsSuccessStatusCode ? await topics.Content.ReadAsStringAsync() : "";
        }, body => body.Contains(topicId.ToString(), StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the learner sees the course's topic");
        return new TeachbackClass(classroom, topicId);
    }

    /// <summary>Submits a typed explanation through the API and waits until it is scored.</summary>
    public async Task ScoredAsync(string text)
    {
        var accepted = await Learner.SucceedAsync(HttpMethod.Post, "/student/v1/teachbacks", new { topicId = TopicId, text });
        var id = accepted.GetProperty("id").GetGuid();
        await Eventually.GetAsync(() => SubmissionAsync(id), s => s.GetProperty("status").GetString() != "PENDING", TimeSpan.FromSeconds(60),
            $"teach-back {id} is scored");
    }

    /// <summary>The submission's status as the service has it, for checking what the page shows against it.</summary>
    public async Task<JsonElement> SubmissionAsync(Guid id) => await Learner.SucceedAsync(HttpMethod.Get, $"/student/v1/teachbacks/{id}");
}
