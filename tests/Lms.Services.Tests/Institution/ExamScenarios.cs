using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Contracts.Exams;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.Institution;

/// <summary>Exams as a manager writes them, and the calls the exam tests share.</summary>
public static class ExamScenarios
{
    public static object Choice(string kind, params bool[] correct) =>
        new { kind, text = "질문", points = 5, options = correct.Select((c, i) => new { text = $"보기 {i + 1}", correct = c }).ToArray() };

    public static object SingleQuestion() => new
    {
        kind = "SINGLE", text = "2 + 2 = ?", points = 10, explanation = "덧셈",
        options = new[] { new { text = "4", correct = true }, new { text = "5", correct = false }, new { text = "22", correct = false } },
    };

    public static object ShortQuestion() => new
    {
        kind = "SHORT", text = "대한민국의 수도는?", points = 5, answers = new[] { "서울", "Seoul" }, explanation = "수도는 서울이다.",
    };

    public static Dictionary<string, object?> NewExam(string title = "중간평가")
    {
        var opensAt = TruncatedNow().AddDays(1);
        return new Dictionary<string, object?>
        {
            ["title"] = title,
            ["description"] = "1~3장 범위",
            ["kind"] = "MID",
            ["timeLimitMinutes"] = 30,
            ["passScore"] = 60,
            ["attemptsAllowed"] = 2,
            ["opensAt"] = opensAt,
            ["closesAt"] = opensAt.AddDays(7),
            ["shuffleQuestions"] = true,
            ["shuffleOptions"] = true,
            ["required"] = true,
            ["weight"] = 2,
            ["scoring"] = "BEST",
            ["questions"] = new[]
            {
                SingleQuestion(),
                new
                {
                    kind = "MULTIPLE", text = "짝수를 모두 고르시오", points = 10, explanation = (string?)null,
                    options = new[] { new { text = "1", correct = false }, new { text = "2", correct = true }, new { text = "4", correct = true } },
                },
                ShortQuestion(),
            },
        };
    }

    public static DateTimeOffset TruncatedNow()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    public static async Task<Guid> CreateExamAsync(Caller manager, Guid courseId, Dictionary<string, object?> exam)
    {
        var created = await manager.PostAsync($"/institution/v1/courses/{courseId}/exams", exam);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> PublishedExamAsync(Caller manager, Guid courseId)
    {
        var examId = await CreateExamAsync(manager, courseId, NewExam());
        (await manager.PostAsync($"/institution/v1/exams/{examId}/publish")).EnsureSuccessStatusCode();
        return examId;
    }

    public static async Task<JsonElement> GetExamAsync(Caller manager, Guid examId)
    {
        var response = await manager.GetAsync($"/institution/v1/exams/{examId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static ExamAttemptStarted Started(Guid attemptId, Guid examId, Guid courseId, Guid institutionId, Guid userId, DateTimeOffset startedAt) =>
        new(attemptId, examId, courseId, institutionId, userId, Guid.NewGuid(), Guid.NewGuid(), 1, startedAt, startedAt.AddMinutes(30));

    public static ExamAttemptGraded Graded(Guid attemptId, Guid examId, Guid courseId, Guid institutionId, Guid userId, DateTimeOffset startedAt,
        decimal score, bool passed, DateTimeOffset gradedAt) =>
        new(attemptId, examId, courseId, institutionId, userId, Guid.NewGuid(), Guid.NewGuid(), 1, score, passed, false, startedAt, gradedAt);
}
