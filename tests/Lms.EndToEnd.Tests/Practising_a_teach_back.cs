using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lms.EndToEnd.Tests;

/// <summary>A learner explains a topic of their course, in writing and aloud, and both explanations reach a final state.</summary>
public sealed class Practising_a_teach_back
{
    private static readonly string[] KeyPoints = ["수집 목적을 명확히 알린다", "필요한 최소한의 정보만 수집한다", "보유 기간이 지나면 파기한다"];

    private const string Prompt = "개인정보를 모을 때 무엇을 알려야 하나요? 어디까지 모으고, 언제 없애야 하나요?";

    [Fact]
    public async Task A_typed_explanation_is_scored_with_feedback_and_a_recording_ends_with_a_reason_a_person_can_read()
    {
        using var client = RunningPlatform.NewClient();
        var classroom = await Classroom.RegisterAsync(client, employees: 1);
        var learner = classroom.Employees[0];
        var topic = await classroom.Manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/courses/{classroom.CourseId}/teachback-topics", new
        {
            title = "개인정보 처리 원칙",
            prompt = Prompt,
            keyPoints = KeyPoints,
            language = "ko",
        });
        var topicId = topic.GetProperty("id").GetGuid();
        var seen = await Eventually.GetAsync(async () =>
        {
            var topics = await learner.SendAsync(HttpMethod.Get, $"/student/v1/teachback-topics?courseId={classroom.CourseId}");
            return topics.IsSuccessStatusCode ? await topics.Content.ReadAsStringAsync() : "";
        }, body => body.Contains(topicId.ToString(), StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the learner sees the course's topic");
        // The learner reads the title and the prompt; the key points are the rubric, which stays with the institution.
        var seenTopic = JsonDocument.Parse(seen).RootElement.GetProperty("courses")[0].GetProperty("topics")[0];
        Assert.Equal(Prompt, seenTopic.GetProperty("prompt").GetString());
        Assert.False(seenTopic.TryGetProperty("keyPoints", out _));
        Assert.All(KeyPoints, point => Assert.DoesNotContain(point, seen, StringComparison.Ordinal));

        var typed = await learner.SucceedAsync(HttpMethod.Post, "/student/v1/teachbacks", new
        {
            topicId,
            text = "개인정보를 받을 때는 왜 모으는지, 그 수집 목적을 사람들에게 명확히 알려야 해요. 업무에 꼭 필요한 최소한의 정보만 받고, " +
                   "정해 둔 보유 기간이 지나면 미루지 말고 파기합니다.",
        });
        var spoken = await learner.SucceedAsync(HttpMethod.Post, "/student/v1/teachbacks",
            new { topicId, fileId = await UploadRecordingAsync(learner) });

        var typedResult = await FinalAsync(learner, typed.GetProperty("id").GetGuid());
        var spokenResult = await FinalAsync(learner, spoken.GetProperty("id").GetGuid());
        Assert.Equal("SUCCEEDED", typedResult.GetProperty("status").GetString());
        Assert.InRange(typedResult.GetProperty("score").GetDouble(), 60, 100);
        Assert.NotEmpty(typedResult.GetProperty("strengths").EnumerateArray());
        // The local platform configures no transcriber: the recording ends FAILED with the reason, never PENDING.
        Assert.Equal("FAILED", spokenResult.GetProperty("status").GetString());
        Assert.Contains("transcriber", spokenResult.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
        using var stranger = await classroom.Supervisor.SendAsync(HttpMethod.Get, $"/student/v1/teachbacks/{typed.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
    }

    [Fact]
    public async Task Someone_who_has_only_signed_up_cannot_read_the_global_ranking()
    {
        using var client = RunningPlatform.NewClient();
        var visitor = await Person.JoinAsync(client, $"visitor.{Guid.NewGuid():N}@example.com", "방문자");

        using var ranking = await visitor.SendAsync(HttpMethod.Get, "/student/v1/teachbacks/ranking");

        Assert.Equal(HttpStatusCode.Forbidden, ranking.StatusCode);
        Assert.EndsWith("/ranking-needs-enrollment", (await ranking.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> FinalAsync(Person learner, Guid id) =>
        await Eventually.GetAsync(async () => await (await learner.SendAsync(HttpMethod.Get, $"/student/v1/teachbacks/{id}")).Content.ReadFromJsonAsync<JsonElement>(),
            r => r.TryGetProperty("status", out var status) && status.GetString() != "PENDING", TimeSpan.FromSeconds(60), $"teach-back {id} finishes");

    // A three-second tone made with ffmpeg, uploaded through the presigned flow with purpose teachback-audio.
    private static async Task<Guid> UploadRecordingAsync(Person learner)
    {
        var path = Path.Combine(Path.GetTempPath(), $"teachback-{Guid.NewGuid():N}.wav");
        using (var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=3", path])
               { RedirectStandardError = true })!)
        {
            await ffmpeg.WaitForExitAsync();
            Assert.Equal(0, ffmpeg.ExitCode);
        }

        var bytes = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        var upload = await learner.SucceedAsync(HttpMethod.Post, "/content/v1/uploads",
            new { fileName = "설명.wav", size = bytes.Length, contentType = "audio/wav", purpose = "teachback-audio" });
        using var storage = new HttpClient();
        using var put = await storage.PutAsync(upload.GetProperty("parts")[0].GetProperty("url").GetString(), new ByteArrayContent(bytes));
        put.EnsureSuccessStatusCode();
        var etag = put.Headers.ETag!.Tag;
        var completed = await learner.SucceedAsync(HttpMethod.Post, $"/content/v1/uploads/{upload.GetProperty("uploadId").GetGuid()}/complete",
            new { parts = new[] { new { partNumber = 1, etag } } });
        var fileId = completed.GetProperty("fileId").GetGuid();
        // The student service learns of the recording by an event; until then a submission is "not ready yet".
        await Eventually.TrueAsync(async () =>
        {
            using var probe = await learner.SendAsync(HttpMethod.Get, $"/content/v1/files/{fileId}");
            return probe.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(30), "the recording is stored");
        return fileId;
    }
}
