using System.Net;
using System.Text.Json;
using Lms.Contracts.Exams;
using Lms.Contracts.Provisions;
using Lms.ServiceDefaults.Security;
using Lms.ServiceDefaults.Time;
using Lms.Services.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Student;

/// <summary>The exam's answerKeyReveal decides when a learner sees the keys of their graded attempt.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Revealing_answer_keys(Platform platform)
{
    /// <summary>In the accepted answers and in the explanations: there only when the keys are shown.</summary>
    private const string Key = "산안법";

    private async Task<(StudyClass Class, string Attempt, JsonElement Graded)> SubmittedAsync(
        string reveal, DateTimeOffset closesAt, int startInDays = -1)
    {
        var c = await StudentScenarios.ClassAsync(platform, startInDays: startInDays, exams: (course, institution) =>
            [StudentScenarios.Exam(course, institution, attemptsAllowed: 1, closesAt: closesAt, answerKeyReveal: reveal)]);
        var (attempt, graded) = await StudentScenarios.StudyAndSubmitAsync(platform, c, "안전보건법");
        Assert.Equal(50m, graded.GetProperty("score").GetDecimal());
        return (c, attempt, graded);
    }

    private static void AssertKeysShown(JsonElement view)
    {
        Assert.Contains(Key, view.GetRawText(), StringComparison.Ordinal);
        Assert.True(view.GetProperty("questions")[0].GetProperty("options")[0].GetProperty("correct").GetBoolean());
        Assert.Equal(0m, view.GetProperty("questions")[1].GetProperty("earned").GetDecimal());
    }

    private static void AssertKeysHidden(JsonElement view)
    {
        Assert.DoesNotContain(Key, view.GetRawText(), StringComparison.Ordinal);
        Assert.All(view.GetProperty("questions").EnumerateArray(), q =>
        {
            Assert.Equal(JsonValueKind.Null, q.GetProperty("explanation").ValueKind);
            Assert.Equal(JsonValueKind.Null, q.GetProperty("earned").ValueKind);
            Assert.All(q.GetProperty("options").EnumerateArray(), o => Assert.Equal(JsonValueKind.Null, o.GetProperty("correct").ValueKind));
        });
        Assert.Equal(50m, view.GetProperty("score").GetDecimal()); // the score itself is never held back
    }

    [Fact]
    public async Task After_submission_shows_the_keys_with_the_result_while_the_exam_is_still_open()
    {
        var (_, _, graded) = await SubmittedAsync(AnswerKeyReveals.AfterSubmission, closesAt: platform.LearningClock.GetUtcNow().AddDays(5));

        AssertKeysShown(graded);
    }

    [Fact]
    public async Task After_close_shows_them_only_once_the_exams_window_has_closed()
    {
        var (c, attempt, graded) = await SubmittedAsync(AnswerKeyReveals.AfterClose, closesAt: platform.LearningClock.GetUtcNow().AddHours(1));
        AssertKeysHidden(graded); // though no attempt is left

        platform.LearningClock.Advance(TimeSpan.FromHours(2));

        AssertKeysShown(await c.Learner.GetAsync(attempt).JsonAsync());
    }

    [Fact]
    public async Task Never_shows_only_the_score_even_after_the_exam_has_closed()
    {
        var (c, attempt, graded) = await SubmittedAsync(AnswerKeyReveals.Never, closesAt: platform.LearningClock.GetUtcNow().AddHours(1));
        AssertKeysHidden(graded);

        platform.LearningClock.Advance(TimeSpan.FromHours(2));

        AssertKeysHidden(await c.Learner.GetAsync(attempt).JsonAsync());
    }

    [Fact]
    public async Task A_learner_whose_own_period_ended_does_not_see_the_keys_while_another_company_can_still_take_the_exam()
    {
        // Company A's provision ends tomorrow; the exam closes in five days; company B's provision runs for a month.
        var (a, attempt, graded) = await SubmittedAsync(AnswerKeyReveals.AfterClose, closesAt: platform.LearningClock.GetUtcNow().AddDays(5), startInDays: -29);
        var b = await OtherCompanyLearnerAsync(a);
        AssertKeysHidden(graded);

        platform.LearningClock.Advance(TimeSpan.FromDays(2));

        var today = KoreaTime.Today(platform.LearningClock.GetUtcNow());
        var aPeriod = await a.Learner.GetAsync(a.Enrollment).JsonAsync();
        Assert.True(today > DateOnly.Parse(aPeriod.GetProperty("endDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var bExams = await b.Learner.GetAsync($"/student/v1/enrollments/{b.EnrollmentId}/exams").JsonAsync();
        Assert.True(bExams[0].GetProperty("open").GetBoolean());
        AssertKeysHidden(await a.Learner.GetAsync(attempt).JsonAsync());

        platform.LearningClock.Advance(TimeSpan.FromDays(4));

        Assert.False((await b.Learner.GetAsync($"/student/v1/enrollments/{b.EnrollmentId}/exams").JsonAsync())[0].GetProperty("open").GetBoolean());
        AssertKeysShown(await a.Learner.GetAsync(attempt).JsonAsync());
    }

    /// <summary>A learner of another company with a provision of the same course that runs for another month.</summary>
    private async Task<(Caller Learner, Guid EnrollmentId)> OtherCompanyLearnerAsync(StudyClass c)
    {
        var (companyId, provisionId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var learner = Caller.As(platform.Student.Client, Roles.Employee, companyId, "company");
        var today = KoreaTime.Today(platform.LearningClock.GetUtcNow());
        await platform.Student.Services.GetRequiredService<IBus>().Publish(new CourseProvisionChanged(provisionId, companyId, "다른회사",
            c.InstitutionId, "안전교육원", c.CourseId, "산업안전 기초", today.AddDays(-1), today.AddDays(30), 10, null, ProvisionStates.Registered,
            [learner.UserId], [], 4));
        var enrollmentId = await Eventually.GetAsync(() => platform.Student.WithDbAsync(db =>
                db.Enrollments.Where(e => e.ProvisionId == provisionId).Select(e => (Guid?)e.Id).SingleOrDefaultAsync()),
            id => id is not null, TimeSpan.FromSeconds(30), "the other company's learner is enrolled");
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync($"/student/v1/enrollments/{enrollmentId}")).StatusCode);
        return (learner, enrollmentId!.Value);
    }
}
