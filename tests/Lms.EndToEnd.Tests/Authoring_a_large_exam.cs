using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lms.EndToEnd.Tests;

/// <summary>Through the running gateway and Kestrel, where request body limits are real (in-process test hosts have none).</summary>
public sealed class Authoring_a_large_exam
{
    [Fact]
    public async Task An_exam_of_many_long_questions_goes_through_beyond_the_usual_body_limit()
    {
        using var client = RunningPlatform.NewClient();
        var classroom = await Classroom.RegisterAsync(client, employees: 0);
        var opensAt = DateTimeOffset.UtcNow.AddDays(1);
        var exam = new
        {
            title = "기말평가", description = "전 범위", kind = "FINAL", timeLimitMinutes = 60, passScore = 60, attemptsAllowed = 1,
            opensAt, closesAt = opensAt.AddDays(7), shuffleQuestions = false, shuffleOptions = false, required = true, weight = 1, scoring = "BEST",
            questions = Enumerable.Range(1, 100).Select(i => new
            {
                kind = "SINGLE", text = $"{i}번 " + new string('문', 1990), points = 1, explanation = new string('해', 4000),
                options = new[] { new { text = new string('가', 500), correct = true }, new { text = new string('나', 500), correct = false } },
            }).ToArray(),
        };
        var size = JsonSerializer.SerializeToUtf8Bytes(exam).Length;
        Assert.True(size > 2 * 1024 * 1024, $"the exam is only {size} bytes");

        using var created = await classroom.Manager.SendAsync(HttpMethod.Post, $"/institution/v1/courses/{classroom.CourseId}/exams", exam);

        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        Assert.Equal(100, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("questions").GetArrayLength());
    }
}
