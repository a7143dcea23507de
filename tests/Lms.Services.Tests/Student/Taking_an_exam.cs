using System.Net;
using System.Text.Json;
using Lms.Contracts.Exams;
using Lms.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Student;

[Collection(PlatformGroup.Name)]
public sealed class Taking_an_exam(Platform platform)
{
    private async Task<(StudyClass Class, ExamPublished Exam)> ReadyForTheExamAsync(int attemptsAllowed = 2, bool shuffle = false, int timeLimitMinutes = 10,
        string answerKeyReveal = AnswerKeyReveals.AfterClose)
    {
        var c = await StudentScenarios.ClassAsync(platform, exams: (course, institution) =>
            [StudentScenarios.Exam(course, institution, attemptsAllowed: attemptsAllowed, shuffle: shuffle, timeLimitMinutes: timeLimitMinutes, answerKeyReveal: answerKeyReveal)]);
        await StudentScenarios.WatchAsync(platform, c);
        (await c.Learner.PostAsync(c.Open(c.DocumentId))).EnsureSuccessStatusCode();
        return (c, c.Exams[0]);
    }

    private static object Answers(ExamPublished exam, bool right) => new
    {
        answers = new object[]
        {
            new { questionId = exam.Questions[0].QuestionId, optionIds = new[] { exam.Questions[0].Options[right ? 0 : 1].OptionId } },
            new { questionId = exam.Questions[1].QuestionId, text = right ? " 산안법 " : "모름" },
        },
    };

    [Fact]
    public async Task An_attempt_shows_questions_without_answer_keys_until_it_is_submitted()
    {
        var (c, exam) = await ReadyForTheExamAsync(attemptsAllowed: 1, shuffle: true, answerKeyReveal: AnswerKeyReveals.AfterSubmission);

        var started = await c.Learner.PostAsync($"/student/v1/exams/{exam.ExamId}/attempts").JsonAsync();
        var attempt = $"/student/v1/attempts/{started.GetProperty("id").GetGuid()}";
        var reread = await c.Learner.GetAsync(attempt).JsonAsync();

        foreach (var view in new[] { started, reread })
        {
            var text = view.GetRawText();
            Assert.DoesNotContain("산안법", text, StringComparison.Ordinal);
            Assert.DoesNotContain("현장에서는 항상 착용합니다", text, StringComparison.Ordinal);
            Assert.All(view.GetProperty("questions").EnumerateArray().SelectMany(q => q.GetProperty("options").EnumerateArray()),
                o => Assert.Equal(JsonValueKind.Null, o.GetProperty("correct").ValueKind));
        }

        Assert.True(started.GetProperty("deadline").GetDateTimeOffset() > platform.LearningClock.GetUtcNow().AddMinutes(9));
        (await c.Learner.PutAsync($"{attempt}/answers", Answers(exam, right: true))).EnsureSuccessStatusCode();
        var graded = await c.Learner.PostAsync($"{attempt}/submit").JsonAsync();

        Assert.Equal("GRADED", graded.GetProperty("state").GetString());
        Assert.Equal(100m, graded.GetProperty("score").GetDecimal());
        Assert.Contains("산안법", graded.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_stay_hidden_while_a_retake_could_use_them()
    {
        var (c, exam) = await ReadyForTheExamAsync(attemptsAllowed: 2, answerKeyReveal: AnswerKeyReveals.AfterSubmission);
        var first = await c.Learner.PostAsync($"/student/v1/exams/{exam.ExamId}/attempts").JsonAsync();
        var firstPath = $"/student/v1/attempts/{first.GetProperty("id").GetGuid()}";
        (await c.Learner.PutAsync($"{firstPath}/answers", Answers(exam, right: false))).EnsureSuccessStatusCode();

        var firstGraded = await c.Learner.PostAsync($"{firstPath}/submit").JsonAsync();

        Assert.Equal(0m, firstGraded.GetProperty("score").GetDecimal());
        Assert.False(firstGraded.GetProperty("passed").GetBoolean());
        Assert.DoesNotContain("산안법", firstGraded.GetRawText(), StringComparison.Ordinal);
        Assert.All(firstGraded.GetProperty("questions").EnumerateArray(), q =>
        {
            Assert.Equal(JsonValueKind.Null, q.GetProperty("explanation").ValueKind);
            Assert.Equal(JsonValueKind.Null, q.GetProperty("earned").ValueKind);
        });

        var second = await c.Learner.PostAsync($"/student/v1/exams/{exam.ExamId}/attempts").JsonAsync();
        await c.Learner.PostAsync($"/student/v1/attempts/{second.GetProperty("id").GetGuid()}/submit").JsonAsync();
        var firstAfterAll = await c.Learner.GetAsync(firstPath).JsonAsync();

        Assert.Contains("산안법", firstAfterAll.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0m, firstAfterAll.GetProperty("questions")[0].GetProperty("earned").GetDecimal());
    }

    [Fact]
    public async Task A_null_answer_or_an_overlong_text_is_a_400_and_changes_nothing()
    {
        var (c, exam) = await ReadyForTheExamAsync();
        var started = await c.Learner.PostAsync($"/student/v1/exams/{exam.ExamId}/attempts").JsonAsync();
        var attempt = $"/student/v1/attempts/{started.GetProperty("id").GetGuid()}";

        var nullAnswer = await c.Learner.PutAsync($"{attempt}/answers", new { answers = new object?[] { null } });
        var overlong = await c.Learner.PutAsync($"{attempt}/answers",
            new { answers = new[] { new { questionId = exam.Questions[1].QuestionId, text = new string('가', 501) } } });

        Assert.Contains("answers[0]", (await nullAnswer.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("answers[0].text", (await overlong.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetRawText(), StringComparison.Ordinal);
        Assert.Empty((await c.Learner.GetAsync(attempt).JsonAsync()).GetProperty("answers").EnumerateArray());
    }

    [Fact]
    public async Task The_exam_stays_locked_until_the_course_progress_reaches_the_rule()
    {
        var c = await StudentScenarios.ClassAsync(platform, exams: (course, institution) => [StudentScenarios.Exam(course, institution)]);
        (await c.Learner.PostAsync(c.Open(c.DocumentId))).EnsureSuccessStatusCode();

        var exams = await c.Learner.GetAsync($"{c.Enrollment}/exams").JsonAsync();
        var start = await c.Learner.PostAsync($"/student/v1/exams/{c.Exams[0].ExamId}/attempts");

        Assert.False(exams[0].GetProperty("unlocked").GetBoolean());
        Assert.Equal(80, exams[0].GetProperty("unlockPercent").GetInt32());
        var problem = await start.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith("exam-locked", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exam_outside_its_window_cannot_be_started()
    {
        var now = platform.LearningClock.GetUtcNow();
        var c = await StudentScenarios.ClassAsync(platform, exams: (course, institution) =>
            [StudentScenarios.Exam(course, institution, opensAt: now.AddDays(-3), closesAt: now.AddDays(-1))]);
        await StudentScenarios.WatchAsync(platform, c);
        (await c.Learner.PostAsync(c.Open(c.DocumentId))).EnsureSuccessStatusCode();

        var start = await c.Learner.PostAsync($"/student/v1/exams/{c.Exams[0].ExamId}/attempts");

        var problem = await start.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith("exam-not-open", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attempts_are_limited()
    {
        var (c, exam) = await ReadyForTheExamAsync(attemptsAllowed: 1);
        var first = await c.Learner.PostAsync($"/student/v1/exams/{exam.ExamId}/attempts").JsonAsync();
        var whileOpen = await c.Learner.PostAsync($"/student/v1/exams/{exam.ExamId}/attempts");
        (await c.Learner.PostAsync($"/student/v1/attempts/{first.GetProperty("id").GetGuid()}/submit")).EnsureSuccessStatusCode();

        var second = await c.Learner.PostAsync($"/student/v1/exams/{exam.ExamId}/attempts");

        Assert.EndsWith("attempt-in-progress", (await whileOpen.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("no-attempts-left", (await second.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_must_belong_to_the_attempts_questions()
    {
        var c = await StudentScenarios.ClassAsync(platform, exams: (course, institution) =>
        {
            var exam = StudentScenarios.Exam(course, institution);
            var multiple = new ExamQuestionSnapshot(Guid.CreateVersion7(), QuestionKinds.MultipleChoice, "보호구를 모두 고르세요", 10,
                [new ExamOptionSnapshot(Guid.CreateVersion7(), "안전모", true), new ExamOptionSnapshot(Guid.CreateVersion7(), "안전화", true)], [], null);
            return [exam with { Questions = [.. exam.Questions, multiple] }];
        });
        await StudentScenarios.WatchAsync(platform, c);
        (await c.Learner.PostAsync(c.Open(c.DocumentId))).EnsureSuccessStatusCode();
        var exam = c.Exams[0];
        var started = await c.Learner.PostAsync($"/student/v1/exams/{exam.ExamId}/attempts").JsonAsync();
        var answers = $"/student/v1/attempts/{started.GetProperty("id").GetGuid()}/answers";
        var (single, shortAnswer, multiple) = (exam.Questions[0], exam.Questions[1], exam.Questions[2]);

        var optionOfAnotherQuestion = await c.Learner.PutAsync(answers,
            new { answers = new[] { new { questionId = single.QuestionId, optionIds = new[] { multiple.Options[0].OptionId } } } });
        var twoForSingle = await c.Learner.PutAsync(answers,
            new { answers = new[] { new { questionId = single.QuestionId, optionIds = single.Options.Select(o => o.OptionId).ToArray() } } });
        var sameOptionTwice = await c.Learner.PutAsync(answers,
            new { answers = new[] { new { questionId = multiple.QuestionId, optionIds = new[] { multiple.Options[0].OptionId, multiple.Options[0].OptionId } } } });
        var optionsForText = await c.Learner.PutAsync(answers,
            new { answers = new[] { new { questionId = shortAnswer.QuestionId, optionIds = new[] { single.Options[0].OptionId } } } });
        var unknownQuestion = await c.Learner.PutAsync(answers, new { answers = new[] { new { questionId = Guid.NewGuid(), text = "?" } } });

        Assert.Contains("answers[0].optionIds", (await optionOfAnotherQuestion.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetRawText(),
            StringComparison.Ordinal);
        Assert.All([twoForSingle, sameOptionTwice, optionsForText, unknownQuestion], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        var stored = await c.Learner.GetAsync($"/student/v1/attempts/{started.GetProperty("id").GetGuid()}").JsonAsync();
        Assert.Empty(stored.GetProperty("answers").EnumerateArray());
    }

    [Fact]
    public async Task After_the_deadline_answers_are_refused_and_the_attempt_is_graded_as_it_stands()
    {
        var (c, exam) = await ReadyForTheExamAsync(timeLimitMinutes: 1);
        var started = await c.Learner.PostAsync($"/student/v1/exams/{exam.ExamId}/attempts").JsonAsync();
        var attemptId = started.GetProperty("id").GetGuid();
        (await c.Learner.PutAsync($"/student/v1/attempts/{attemptId}/answers", new
        {
            answers = new[] { new { questionId = exam.Questions[0].QuestionId, optionIds = new[] { exam.Questions[0].Options[0].OptionId } } },
        })).EnsureSuccessStatusCode();

        platform.LearningClock.Advance(TimeSpan.FromMinutes(1.5));
        var late = await c.Learner.PutAsync($"/student/v1/attempts/{attemptId}/answers", Answers(exam, right: true));
        Assert.EndsWith("attempt-closed", (await late.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString(), StringComparison.Ordinal);

        var graded = await Eventually.GetAsync(() => c.Learner.GetAsync($"/student/v1/attempts/{attemptId}").JsonAsync(),
            a => a.GetProperty("state").GetString() == "GRADED", TimeSpan.FromSeconds(30), "the auto-grader grades the overdue attempt");

        Assert.True(graded.GetProperty("autoGraded").GetBoolean());
        Assert.Equal(50m, graded.GetProperty("score").GetDecimal());
        Assert.False(graded.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task Two_submits_at_once_produce_one_graded_result()
    {
        var (c, exam) = await ReadyForTheExamAsync();
        var started = await c.Learner.PostAsync($"/student/v1/exams/{exam.ExamId}/attempts").JsonAsync();
        var attemptId = started.GetProperty("id").GetGuid();
        (await c.Learner.PutAsync($"/student/v1/attempts/{attemptId}/answers", Answers(exam, right: true))).EnsureSuccessStatusCode();

        var submits = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => c.Learner.PostAsync($"/student/v1/attempts/{attemptId}/submit").JsonAsync()));

        // Read back from the database a time has microseconds; the winner's own answer may carry ten-millionths.
        Assert.Single(submits.Select(s => s.GetProperty("gradedAt").GetDateTimeOffset().ToUnixTimeMilliseconds()).Distinct());
        Assert.All(submits, s => Assert.Equal(100m, s.GetProperty("score").GetDecimal()));
        Assert.Equal(1, await platform.Student.WithDbAsync(db => db.OutboxMessages.CountAsync(m =>
            m.MessageType.Contains("ExamAttemptGraded") && m.Payload.Contains(attemptId.ToString()))));
        Assert.Equal(1, await platform.Student.WithDbAsync(db => db.Certificates.CountAsync(x => x.EnrollmentId == c.EnrollmentId)));
    }

    [Fact]
    public async Task Another_persons_attempt_does_not_exist()
    {
        var (c, exam) = await ReadyForTheExamAsync();
        var started = await c.Learner.PostAsync($"/student/v1/exams/{exam.ExamId}/attempts").JsonAsync();
        var stranger = await StudentScenarios.ClassAsync(platform);
        var attempt = $"/student/v1/attempts/{started.GetProperty("id").GetGuid()}";

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Learner.GetAsync(attempt)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Learner.PostAsync($"{attempt}/submit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Learner.PutAsync($"{attempt}/answers", Answers(exam, right: true))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Learner.PostAsync($"/student/v1/exams/{exam.ExamId}/attempts")).StatusCode);
    }

    [Fact]
    public async Task A_submit_racing_the_auto_grader_produces_one_graded_result()
    {
        var (c, exam) = await ReadyForTheExamAsync(timeLimitMinutes: 1);
        var started = await c.Learner.PostAsync($"/student/v1/exams/{exam.ExamId}/attempts").JsonAsync();
        var attemptId = started.GetProperty("id").GetGuid();
        (await c.Learner.PutAsync($"/student/v1/attempts/{attemptId}/answers", Answers(exam, right: true))).EnsureSuccessStatusCode();

        // Past the deadline and the grace period: the auto-grader (every second here) and the learner's late submits race.
        platform.LearningClock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(6));
        var submits = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => c.Learner.PostAsync($"/student/v1/attempts/{attemptId}/submit").JsonAsync()));
        await Task.Delay(TimeSpan.FromSeconds(2)); // one more auto-grader round, which must find nothing to do

        Assert.All(submits, s => Assert.Equal(100m, s.GetProperty("score").GetDecimal()));
        Assert.Equal(1, await platform.Student.WithDbAsync(db => db.OutboxMessages.CountAsync(m =>
            m.MessageType.Contains("ExamAttemptGraded") && m.Payload.Contains(attemptId.ToString()))));
    }
}
