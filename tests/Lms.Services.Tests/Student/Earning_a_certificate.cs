using System.Net;
using System.Text.Json;
using Lms.Services.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Student;

[Collection(PlatformGroup.Name)]
public sealed class Earning_a_certificate(Platform platform)
{
    private async Task<StudyClass> CompletedAsync()
    {
        var c = await StudentScenarios.ClassAsync(platform, exams: (course, institution) => [StudentScenarios.Exam(course, institution)]);
        await StudentScenarios.PassAsync(platform, c);
        return c;
    }

    [Fact]
    public async Task Studying_and_passing_the_exam_completes_the_course_once_with_a_certificate_anyone_can_verify()
    {
        var c = await CompletedAsync();

        var detail = await c.Learner.GetAsync(c.Enrollment).JsonAsync();
        Assert.Equal("COMPLETED", detail.GetProperty("state").GetString());
        Assert.Empty(detail.GetProperty("missingForCompletion").EnumerateArray());

        var certificate = (await c.Learner.GetAsync("/student/v1/certificates").JsonAsync()).EnumerateArray().Single();
        Assert.Equal(c.EnrollmentId, certificate.GetProperty("enrollmentId").GetGuid());
        var code = certificate.GetProperty("verificationCode").GetString()!;
        Assert.True(code.Length >= 32);

        var verified = await Caller.Anonymous(platform.Student.Client).GetAsync($"/student/v1/certificates/verify/{code}").JsonAsync();
        Assert.Equal(c.LearnerName, verified.GetProperty("holderName").GetString());
        Assert.Equal("산업안전 기초", verified.GetProperty("courseTitle").GetString());
        Assert.Equal("안전교육원", verified.GetProperty("institutionName").GetString());
        Assert.Equal(certificate.GetProperty("serial").GetString(), verified.GetProperty("serial").GetString());

        // Studying more afterwards changes nothing: one completion, one certificate, one event.
        (await c.Learner.PostAsync(c.Open(c.OtherDocumentId))).EnsureSuccessStatusCode();
        Assert.Equal(1, await platform.Student.WithDbAsync(db => db.Certificates.CountAsync(x => x.EnrollmentId == c.EnrollmentId)));
        Assert.Equal(1, await platform.Student.WithDbAsync(db => db.OutboxMessages.CountAsync(m =>
            m.MessageType.Contains("EnrollmentCompleted") && m.Payload.Contains(c.EnrollmentId.ToString()))));
    }

    [Theory]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("not-a-code")]
    [InlineData("%2e%2e%2fadmin")]
    public async Task A_made_up_code_verifies_nothing(string code)
    {
        var response = await Caller.Anonymous(platform.Student.Client).GetAsync($"/student/v1/certificates/verify/{code}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_long_made_up_code_verifies_nothing()
    {
        var response = await Caller.Anonymous(platform.Student.Client).GetAsync($"/student/v1/certificates/verify/{new string('a', 500)}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Failing_the_required_exam_does_not_complete_the_course()
    {
        var c = await StudentScenarios.ClassAsync(platform, exams: (course, institution) => [StudentScenarios.Exam(course, institution)]);
        await StudentScenarios.WatchAsync(platform, c);
        (await c.Learner.PostAsync(c.Open(c.DocumentId))).EnsureSuccessStatusCode();
        var started = await c.Learner.PostAsync($"/student/v1/exams/{c.Exams[0].ExamId}/attempts").JsonAsync();

        var graded = await c.Learner.PostAsync($"/student/v1/attempts/{started.GetProperty("id").GetGuid()}/submit").JsonAsync();

        Assert.Equal(0m, graded.GetProperty("score").GetDecimal());
        var detail = await c.Learner.GetAsync(c.Enrollment).JsonAsync();
        Assert.Equal("ACTIVE", detail.GetProperty("state").GetString());
        Assert.Contains(detail.GetProperty("missingForCompletion").EnumerateArray(), m => m.GetString()!.Contains("수료 평가", StringComparison.Ordinal));
        Assert.Empty((await c.Learner.GetAsync("/student/v1/certificates").JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task A_course_is_rated_once_and_only_after_completion()
    {
        var studying = await StudentScenarios.ClassAsync(platform);
        var early = await studying.Learner.PostAsync($"{studying.Enrollment}/rating", new { stars = 5 });
        Assert.EndsWith("not-completed", (await early.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString(), StringComparison.Ordinal);

        var c = await CompletedAsync();
        var rated = await c.Learner.PostAsync($"{c.Enrollment}/rating", new { stars = 4, comment = "현장에 바로 쓸 수 있었습니다." });
        var again = await c.Learner.PostAsync($"{c.Enrollment}/rating", new { stars = 1 });
        var outOfRange = await c.Learner.PostAsync($"{c.Enrollment}/rating", new { stars = 6 });

        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        Assert.EndsWith("already-rated", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal(4, await platform.Student.WithDbAsync(db => db.Ratings.Where(r => r.EnrollmentId == c.EnrollmentId).Select(r => r.Stars).SingleAsync()));
        Assert.True(await platform.Student.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.MessageType.Contains("CourseRated") && m.Payload.Contains(c.EnrollmentId.ToString()))));
    }

    [Fact]
    public async Task Another_learner_can_neither_see_nor_rate_a_completed_enrollment()
    {
        var c = await CompletedAsync();
        var colleague = Caller.As(platform.Student.Client, Lms.ServiceDefaults.Security.Roles.Employee, c.CompanyId, "company");

        var detail = await colleague.GetAsync(c.Enrollment);
        var exams = await colleague.GetAsync($"{c.Enrollment}/exams");
        var rating = await colleague.PostAsync($"{c.Enrollment}/rating", new { stars = 1, comment = "남의 과정" });
        var opened = await colleague.PostAsync(c.Open(c.OtherDocumentId));

        foreach (var response in new[] { detail, exams, rating, opened })
        {
            await response.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.False(await platform.Student.WithDbAsync(db => db.Ratings.AnyAsync(r => r.EnrollmentId == c.EnrollmentId)));
        Assert.DoesNotContain((await colleague.GetAsync("/student/v1/enrollments").JsonAsync()).GetProperty("items").EnumerateArray(),
            e => e.GetProperty("id").GetGuid() == c.EnrollmentId);
    }

    [Fact]
    public async Task Withdrawing_the_last_missing_exam_completes_the_learners_who_only_lacked_it()
    {
        var c = await StudentScenarios.ClassAsync(platform, exams: (course, institution) => [StudentScenarios.Exam(course, institution)]);
        await StudentScenarios.WatchAsync(platform, c);
        (await c.Learner.PostAsync(c.Open(c.DocumentId))).EnsureSuccessStatusCode();
        Assert.Equal("ACTIVE", (await c.Learner.GetAsync(c.Enrollment).JsonAsync()).GetProperty("state").GetString());

        await platform.Student.Services.GetRequiredService<IBus>().Publish(c.Exams[0] with { Withdrawn = true, Version = 2 });

        var detail = await Eventually.GetAsync(() => c.Learner.GetAsync(c.Enrollment).JsonAsync(),
            d => d.GetProperty("state").GetString() == "COMPLETED", TimeSpan.FromSeconds(30), "the learner completes once the exam is withdrawn");
        Assert.NotNull(detail.GetProperty("completedAt").GetString());
        Assert.Single((await c.Learner.GetAsync("/student/v1/certificates").JsonAsync()).EnumerateArray());
        Assert.Empty((await c.Learner.GetAsync($"{c.Enrollment}/exams").JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task After_the_course_has_ended_withdrawing_the_missing_exam_completes_nobody()
    {
        var c = await StudentScenarios.ClassAsync(platform, exams: (course, institution) => [StudentScenarios.Exam(course, institution)]);
        await StudentScenarios.WatchAsync(platform, c);
        (await c.Learner.PostAsync(c.Open(c.DocumentId))).EnsureSuccessStatusCode();
        platform.LearningClock.Advance(TimeSpan.FromDays(31));

        await platform.Student.Services.GetRequiredService<IBus>().Publish(c.Exams[0] with { Withdrawn = true, Version = 2 });
        await Eventually.TrueAsync(() => platform.Student.WithDbAsync(db => db.Exams.AnyAsync(e => e.Id == c.Exams[0].ExamId && e.Withdrawn)),
            TimeSpan.FromSeconds(30), "the student service withdraws the exam");

        var detail = await c.Learner.GetAsync(c.Enrollment).JsonAsync();
        Assert.Equal("ACTIVE", detail.GetProperty("state").GetString());
        Assert.Equal(100m, detail.GetProperty("progressPercent").GetDecimal());
        Assert.Empty((await c.Learner.GetAsync("/student/v1/certificates").JsonAsync()).EnumerateArray());
    }
}
