using System.Net.Http.Json;
using System.Text.Json;
using Lms.Contracts.Courses;
using Lms.Contracts.Exams;
using Lms.Contracts.Identity;
using Lms.Contracts.Provisions;
using Lms.ServiceDefaults.Security;
using Lms.ServiceDefaults.Time;
using Lms.Services.Tests.Support;
using Lms.Student.Learning;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Student;

/// <summary>A course as the student service learns of it from other services' events, with one enrolled learner.</summary>
public sealed record StudyClass(
    Guid CourseId, Guid InstitutionId, Guid CompanyId, Guid ProvisionId, Guid EnrollmentId, Caller Learner, string LearnerName,
    Guid VideoId, Guid DocumentId, Guid OtherDocumentId, IReadOnlyList<ExamPublished> Exams)
{
    public string Enrollment => $"/student/v1/enrollments/{EnrollmentId}";

    public string Heartbeat(Guid itemId) => $"{Enrollment}/items/{itemId}/heartbeat";

    public string Open(Guid itemId) => $"{Enrollment}/items/{itemId}/open";
}

public static class StudentScenarios
{
    /// <summary>The course's video is one minute long.</summary>
    public const int VideoSeconds = 60;

    public static readonly CompletionRuleSnapshot DefaultRule = new(90, 80, 60, null, 8, 50, 80);

    public static ExamPublished Exam(Guid courseId, Guid institutionId, string kind = ExamKinds.Final, int timeLimitMinutes = 10,
        int attemptsAllowed = 2, DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null, bool required = true, bool shuffle = false,
        string answerKeyReveal = AnswerKeyReveals.AfterClose) =>
        new(Guid.CreateVersion7(), courseId, institutionId, "수료 평가", "최종 평가", kind, timeLimitMinutes, 60, attemptsAllowed, opensAt, closesAt,
            shuffle, shuffle, required, 1, ExamScoring.Best,
            [
                new ExamQuestionSnapshot(Guid.CreateVersion7(), QuestionKinds.SingleChoice, "안전모는 언제 쓰나요?", 50,
                    [new ExamOptionSnapshot(Guid.CreateVersion7(), "현장에서 항상", true), new ExamOptionSnapshot(Guid.CreateVersion7(), "비 올 때만", false)],
                    [], "현장에서는 항상 착용합니다."),
                new ExamQuestionSnapshot(Guid.CreateVersion7(), QuestionKinds.ShortAnswer, "산업안전보건법의 약칭은?", 50, [], ["산안법"], "산업안전보건법 = 산안법"),
            ],
            Withdrawn: false, Version: 1, ChangedAt: DateTimeOffset.UtcNow, AnswerKeyReveal: answerKeyReveal);

    /// <summary>
    /// A course of one required 60-second video and two documents (one required), a provision running from yesterday for
    /// 30 days (by the learning clock) with one learner on its roster, and the given exams published.
    /// </summary>
    /// <remarks>
    /// A course and institution of the caller's (with <paramref name="documentFileId"/> the file its required document
    /// shows) let the content service's copy of the same course serve it.
    /// </remarks>
    public static async Task<StudyClass> ClassAsync(Platform platform, CompletionRuleSnapshot? rule = null, int startInDays = -1,
        Func<Guid, Guid, IReadOnlyList<ExamPublished>>? exams = null, int? videoSeconds = VideoSeconds,
        Guid? course = null, Guid? institution = null, Guid? documentFileId = null)
    {
        var bus = platform.Student.Services.GetRequiredService<IBus>();
        var (courseId, institutionId, companyId, provisionId) =
            (course ?? Guid.CreateVersion7(), institution ?? Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var learner = Caller.As(platform.Student.Client, Roles.Employee, companyId, "company");
        var name = $"학습자{Random.Shared.Next(1000, 9999)}";
        var (videoId, documentId, otherDocumentId) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var published = exams?.Invoke(courseId, institutionId) ?? [];
        var today = KoreaTime.Today(platform.LearningClock.GetUtcNow());

        await bus.Publish(new UserRegistered(learner.UserId, $"s{learner.UserId:N}@example.com", $"s{learner.UserId:N}"[..20], name, DateTimeOffset.UtcNow));
        await bus.Publish(new CourseStructureChanged(courseId, institutionId, 3,
        [
            new CourseChapterSnapshot(Guid.CreateVersion7(), "1장 안전의 기초", 1,
            [
                new CourseItemSnapshot(videoId, "안전 수칙 영상", "VIDEO", Guid.CreateVersion7(), videoSeconds, true, 1),
                new CourseItemSnapshot(documentId, "교안", "DOCUMENT", documentFileId ?? Guid.CreateVersion7(), null, true, 2),
            ]),
            new CourseChapterSnapshot(Guid.CreateVersion7(), "부록", 2,
                [new CourseItemSnapshot(otherDocumentId, "참고 자료", "DOCUMENT", Guid.CreateVersion7(), null, false, 1)]),
        ], rule ?? DefaultRule, DateTimeOffset.UtcNow));
        foreach (var exam in published)
        {
            await bus.Publish(exam);
        }

        await bus.Publish(new CourseProvisionChanged(provisionId, companyId, "안전회사", institutionId, "안전교육원", courseId, "산업안전 기초",
            today.AddDays(startInDays), today.AddDays(startInDays + 30), 10, null, ProvisionStates.Registered, [learner.UserId], [], 4));

        var enrollmentId = await Eventually.GetAsync(() => platform.Student.WithDbAsync(async db =>
                await db.Outlines.AnyAsync(o => o.CourseId == courseId) &&
                await db.Users.AnyAsync(u => u.Id == learner.UserId) &&
                await db.Exams.CountAsync(e => e.CourseId == courseId) == published.Count
                    ? await db.Enrollments.Where(e => e.ProvisionId == provisionId).Select(e => (Guid?)e.Id).SingleOrDefaultAsync()
                    : null),
            id => id is not null, TimeSpan.FromSeconds(30), "the student service knows the class");
        return new StudyClass(courseId, institutionId, companyId, provisionId, enrollmentId!.Value, learner, name, videoId, documentId, otherDocumentId, published);
    }

    /// <summary>
    /// Studies a class made with one exam (<see cref="Exam"/>): watches the video, opens the required document, and answers
    /// the exam (the right option, and <paramref name="shortAnswer"/>) and submits it; the attempt's path and its graded view.
    /// </summary>
    public static async Task<(string Attempt, JsonElement Graded)> StudyAndSubmitAsync(Platform platform, StudyClass c, string shortAnswer)
    {
        await WatchAsync(platform, c);
        (await c.Learner.PostAsync(c.Open(c.DocumentId))).EnsureSuccessStatusCode();
        var exam = c.Exams[0];
        var started = await c.Learner.PostAsync($"/student/v1/exams/{exam.ExamId}/attempts").JsonAsync();
        var attempt = $"/student/v1/attempts/{started.GetProperty("id").GetGuid()}";
        (await c.Learner.PutAsync($"{attempt}/answers", new
        {
            answers = new object[]
            {
                new { questionId = exam.Questions[0].QuestionId, optionIds = new[] { exam.Questions[0].Options[0].OptionId } },
                new { questionId = exam.Questions[1].QuestionId, text = shortAnswer },
            },
        })).EnsureSuccessStatusCode();
        return (attempt, await c.Learner.PostAsync($"{attempt}/submit").JsonAsync());
    }

    /// <summary>Completes a class made with its final exam (<see cref="Exam"/>): COMPLETED, with a certificate.</summary>
    public static Task PassAsync(Platform platform, StudyClass c) => StudyAndSubmitAsync(platform, c, "산안법");

    /// <summary>
    /// Plays the video in real time (by the learning clock) to <paramref name="until"/> seconds, a heartbeat every 10 s:
    /// from the start, or on from <paramref name="from"/> where an earlier call stopped.
    /// </summary>
    public static async Task<JsonElement> WatchAsync(Platform platform, StudyClass c, int until = VideoSeconds, int from = 0)
    {
        JsonElement last = default;
        for (var position = from == 0 ? 0 : from + 10; position <= until; position += 10)
        {
            if (position > 0)
            {
                platform.LearningClock.Advance(TimeSpan.FromSeconds(10));
            }

            var response = await c.Learner.PostAsync(c.Heartbeat(c.VideoId), new { positionSeconds = Math.Min(position, until), playing = true });
            response.EnsureSuccessStatusCode();
            last = await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        return last;
    }

    public static async Task<JsonElement> JsonAsync(this Task<HttpResponseMessage> call)
    {
        var response = await call;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
