using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Upload;

namespace Lms.EndToEnd.Tests;

public sealed class Earning_a_certificate
{
    [Fact]
    public async Task An_employee_who_really_studies_and_passes_earns_a_certificate_anyone_can_verify_and_a_skipper_does_not()
    {
        using var client = RunningPlatform.NewClient();
        var classroom = await Classroom.RegisterAsync(client, employees: 2, beginInDays: 0);
        var (manager, learner, skipper) = (classroom.Manager, classroom.Employees[0], classroom.Employees[1]);

        // The manager uploads a 3-second lecture, adds it to the course and publishes a required final exam.
        var video = await TestVideos.MakeAsync(seconds: 3);
        using var api = Uploader.Api(RunningPlatform.Gateway, manager.AccessToken);
        using var storage = new HttpClient();
        var upload = await Eventually.GetAsync(async () =>
        {
            try { return await new Uploader(api, storage).UploadAsync(video, classroom.CourseId, "video/mp4"); }
            catch (HttpRequestException) { return null; } // the content service may not know the course yet
        }, r => r is not null, TimeSpan.FromSeconds(30), "the upload succeeds");
        File.Delete(video);
        await manager.SucceedAsync(HttpMethod.Put, $"/institution/v1/courses/{classroom.CourseId}/structure", new
        {
            chapters = new[]
            {
                new { title = "안내", items = new object[] { new { title = "오리엔테이션", kind = "OTHER", required = true } } },
                new { title = "강의", items = new object[] { new { title = "1강", kind = "VIDEO", fileId = upload!.FileId, required = true } } },
            },
        });
        var exam = await manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/courses/{classroom.CourseId}/exams", new
        {
            title = "수료 평가", kind = "FINAL", timeLimitMinutes = 5, passScore = 60, attemptsAllowed = 2, required = true,
            questions = new[]
            {
                new
                {
                    kind = "SINGLE", text = "개인정보 유출을 알게 되면?", points = 100,
                    options = new[] { new { text = "즉시 신고한다", correct = true }, new { text = "모른 척한다", correct = false } },
                },
            },
        });
        var examId = exam.GetProperty("id").GetGuid();
        await manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/exams/{examId}/publish");

        // Both employees see the course with the lecture, measured at 3 seconds.
        var enrollmentOf = new Dictionary<Person, string>();
        foreach (var employee in new[] { learner, skipper })
        {
            var enrollmentId = (await Eventually.GetAsync(() => employee.SucceedAsync(HttpMethod.Get, "/student/v1/enrollments"),
                list => list.GetProperty("items").GetArrayLength() == 1, TimeSpan.FromSeconds(30), "the enrollment appears"))
                .GetProperty("items")[0].GetProperty("id").GetGuid();
            enrollmentOf[employee] = $"/student/v1/enrollments/{enrollmentId}";
            await Eventually.GetAsync(() => employee.SucceedAsync(HttpMethod.Get, enrollmentOf[employee]),
                e => e.GetProperty("chapters").GetArrayLength() == 2, TimeSpan.FromSeconds(30), "the course shows the lecture");
        }

        var lecture = (await learner.SucceedAsync(HttpMethod.Get, enrollmentOf[learner])).GetProperty("chapters")[1].GetProperty("items")[0];
        Assert.Equal(3, lecture.GetProperty("durationSeconds").GetInt32());
        var lectureId = lecture.GetProperty("id").GetGuid();
        var orientationId = (await learner.SucceedAsync(HttpMethod.Get, enrollmentOf[learner])).GetProperty("chapters")[0].GetProperty("items")[0].GetProperty("id").GetGuid();

        // The skipper opens the lecture and jumps to the end: a second of credit, not a completed lecture.
        var skipped = await HeartbeatsAsync(skipper, $"{enrollmentOf[skipper]}/items/{lectureId}/heartbeat", 0, 3);
        Assert.Equal("IN_PROGRESS", skipped.GetProperty("state").GetString());

        // The learner opens the orientation and watches the lecture in real time, a heartbeat every 1.2 s.
        await learner.SucceedAsync(HttpMethod.Post, $"{enrollmentOf[learner]}/items/{orientationId}/open");
        var watched = await HeartbeatsAsync(learner, $"{enrollmentOf[learner]}/items/{lectureId}/heartbeat", 0, 1.2, 2.4, 3);
        Assert.Equal("COMPLETED", watched.GetProperty("state").GetString());
        Assert.Equal(100m, watched.GetProperty("courseProgressPercent").GetDecimal());

        // Then passes the exam; the answer keys come only with the result.
        var attempt = await learner.SucceedAsync(HttpMethod.Post, $"/student/v1/exams/{examId}/attempts");
        Assert.DoesNotContain("\"correct\":true", attempt.GetRawText(), StringComparison.Ordinal);
        var question = attempt.GetProperty("questions")[0];
        var right = question.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("text").GetString() == "즉시 신고한다").GetProperty("id").GetGuid();
        var attemptPath = $"/student/v1/attempts/{attempt.GetProperty("id").GetGuid()}";
        await learner.SucceedAsync(HttpMethod.Put, $"{attemptPath}/answers", new { answers = new[] { new { questionId = question.GetProperty("id").GetGuid(), optionIds = new[] { right } } } });
        var graded = await learner.SucceedAsync(HttpMethod.Post, $"{attemptPath}/submit");
        Assert.Equal(100m, graded.GetProperty("score").GetDecimal());

        Assert.Equal("COMPLETED", (await learner.SucceedAsync(HttpMethod.Get, enrollmentOf[learner])).GetProperty("state").GetString());
        Assert.Equal("ACTIVE", (await skipper.SucceedAsync(HttpMethod.Get, enrollmentOf[skipper])).GetProperty("state").GetString());

        // Anyone can verify the certificate without signing in.
        var certificate = (await learner.SucceedAsync(HttpMethod.Get, "/student/v1/certificates"))[0];
        using var anonymous = RunningPlatform.NewClient();
        var verified = await anonymous.GetFromJsonAsync<JsonElement>($"/student/v1/certificates/verify/{certificate.GetProperty("verificationCode").GetString()}");
        Assert.Equal("사원0", verified.GetProperty("holderName").GetString());
        Assert.Equal(classroom.CourseTitle, verified.GetProperty("courseTitle").GetString());

        // The institution sees the examinee and the score.
        var examinees = await Eventually.GetAsync(() => manager.SucceedAsync(HttpMethod.Get, $"/institution/v1/exams/{examId}/attempts"),
            a => a.GetProperty("items").GetArrayLength() == 1 && a.GetProperty("items")[0].GetProperty("state").GetString() == "GRADED",
            TimeSpan.FromSeconds(30), "the institution sees the graded attempt");
        Assert.Equal(learner.UserId, examinees.GetProperty("items")[0].GetProperty("userId").GetGuid());
        Assert.Equal(100m, examinees.GetProperty("items")[0].GetProperty("score").GetDecimal());

        // Both sides' training records move: the learner completed with the certificate's serial, the skipper did not.
        var records = $"/dashboard/training-records?courseProvideId={classroom.ProvisionId}";
        foreach (var (reader, prefix) in new[] { (manager, "/institution/v1"), (classroom.Supervisor, "/company/v1") })
        {
            var rows = await Eventually.GetAsync(() => reader.SucceedAsync(HttpMethod.Get, prefix + records),
                r => r.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("userId").GetGuid() == learner.UserId && i.GetProperty("completed").GetBoolean()),
                TimeSpan.FromSeconds(30), $"{prefix} training records show the completion");
            var mine = rows.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("userId").GetGuid() == learner.UserId);
            Assert.Equal(certificate.GetProperty("serial").GetString(), mine.GetProperty("certificateSerial").GetString());
            Assert.False(rows.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("userId").GetGuid() == skipper.UserId).GetProperty("completed").GetBoolean());
        }
        using var csv = await manager.SendAsync(HttpMethod.Get, $"/institution/v1{records}&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("수료", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guessing_verification_codes_is_rate_limited_at_the_gateway()
    {
        using var anonymous = RunningPlatform.NewClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            using var response = await anonymous.GetAsync($"/student/v1/certificates/verify/{Guid.NewGuid():N}");
            answers.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, answers[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
    }

    /// <summary>Reports the player at each position in turn, 1.2 s apart in real time; returns the last answer.</summary>
    private static async Task<JsonElement> HeartbeatsAsync(Person person, string path, params double[] positions)
    {
        JsonElement last = default;
        for (var i = 0; i < positions.Length; i++)
        {
            if (i > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1.2));
            }

            using var response = await person.SendAsync(HttpMethod.Post, path, new { positionSeconds = positions[i], playing = true });
            Assert.True(response.IsSuccessStatusCode, $"heartbeat at {positions[i]} s: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            last = await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        return last;
    }
}
