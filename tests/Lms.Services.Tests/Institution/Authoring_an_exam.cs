using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Contracts.Exams;
using Lms.ServiceDefaults.Security;
using Lms.ServiceDefaults.Users;
using Lms.Services.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Lms.Services.Tests.Institution.ExamScenarios;

namespace Lms.Services.Tests.Institution;

[Collection(PlatformGroup.Name)]
public sealed class Authoring_an_exam(Platform platform)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_published_exam_is_announced_with_its_answer_keys()
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);

        var created = await manager.PostAsync($"/institution/v1/courses/{courseId}/exams", NewExam());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        var examId = draft.GetProperty("id").GetGuid();
        Assert.Equal($"/institution/v1/exams/{examId}", created.Headers.Location?.OriginalString);
        Assert.Equal("DRAFT", draft.GetProperty("state").GetString());
        Assert.Empty(await AnnouncementsAsync(examId));

        var published = await manager.PostAsync($"/institution/v1/exams/{examId}/publish");

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("PUBLISHED", (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        var relayed = await Eventually.GetAsync(
            () => platform.Institution.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                .SingleAsync(m => m.MessageType.Contains(nameof(ExamPublished)) && m.Payload.Contains(examId.ToString()))),
            m => m.SentAt is not null, Within, "the ExamPublished row is relayed");
        var announced = Assert.IsType<ExamPublished>(relayed.Deserialize());
        Assert.Equal(courseId, announced.CourseId);
        Assert.Equal(institutionId, announced.InstitutionId);
        Assert.Equal(ExamKinds.Mid, announced.Kind);
        Assert.False(announced.Withdrawn);
        Assert.Equal(draft.GetProperty("version").GetInt64() + 1, announced.Version);
        Assert.Equal([QuestionKinds.SingleChoice, QuestionKinds.MultipleChoice, QuestionKinds.ShortAnswer], announced.Questions.Select(q => q.Kind));
        Assert.Equal([true, false, false], announced.Questions[0].Options.Select(o => o.Correct));
        Assert.Equal(["서울", "Seoul"], announced.Questions[2].AcceptedAnswers);
        Assert.Equal(draft.GetProperty("questions")[0].GetProperty("id").GetGuid(), announced.Questions[0].QuestionId);
    }

    [Fact]
    public async Task Answer_keys_are_revealed_after_close_unless_the_author_says_otherwise_and_the_announcement_says_which()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var unsaid = await CreateExamAsync(manager, courseId, NewExam("기본"));
        var chosen = NewExam("제출 후 공개");
        chosen["answerKeyReveal"] = AnswerKeyReveals.AfterSubmission;
        var examId = await CreateExamAsync(manager, courseId, chosen);

        Assert.Equal(AnswerKeyReveals.AfterClose, (await GetExamAsync(manager, unsaid)).GetProperty("answerKeyReveal").GetString());
        Assert.Equal(AnswerKeyReveals.AfterSubmission, (await GetExamAsync(manager, examId)).GetProperty("answerKeyReveal").GetString());
        var never = NewExam("비공개");
        never["answerKeyReveal"] = AnswerKeyReveals.Never;
        (await manager.PutAsync($"/institution/v1/exams/{examId}", never)).EnsureSuccessStatusCode();
        (await manager.PostAsync($"/institution/v1/exams/{examId}/publish")).EnsureSuccessStatusCode();

        var relayed = await Eventually.GetAsync(
            () => platform.Institution.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                .SingleAsync(m => m.MessageType.Contains(nameof(ExamPublished)) && m.Payload.Contains(examId.ToString()))),
            m => m.SentAt is not null, Within, "the ExamPublished row is relayed");
        Assert.Equal(AnswerKeyReveals.Never, Assert.IsType<ExamPublished>(relayed.Deserialize()).AnswerKeyReveal);
        var stored = await Eventually.GetAsync(
            () => platform.Student.WithDbAsync(db => db.Exams.AsNoTracking().SingleOrDefaultAsync(e => e.Id == examId)),
            e => e is not null, Within, "the student service stores the published exam");
        Assert.Equal(AnswerKeyReveals.Never, stored!.AnswerKeyReveal);
    }

    [Fact]
    public async Task The_author_sees_the_answer_keys_and_the_course_lists_its_exams()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var first = await CreateExamAsync(manager, courseId, NewExam("중간평가"));
        await CreateExamAsync(manager, courseId, NewExam("기말평가"));

        var exam = await (await manager.GetAsync($"/institution/v1/exams/{first}")).Content.ReadFromJsonAsync<JsonElement>();
        var list = await (await manager.GetAsync($"/institution/v1/courses/{courseId}/exams")).Content.ReadFromJsonAsync<JsonElement>();

        var questions = exam.GetProperty("questions");
        Assert.True(questions[0].GetProperty("options")[0].GetProperty("correct").GetBoolean());
        Assert.Equal("서울", questions[2].GetProperty("answers")[0].GetString());
        Assert.Equal("수도는 서울이다.", questions[2].GetProperty("explanation").GetString());
        Assert.Equal(25, exam.GetProperty("totalPoints").GetInt32());
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(["중간평가", "기말평가"], list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("title").GetString()));
        Assert.Equal(3, list.GetProperty("items")[0].GetProperty("questionCount").GetInt32());
    }

    public static TheoryData<string> BadInputs
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Spoilers.Keys)
            {
                data.Add(name);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_stored(string spoiler)
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var (field, spoil) = Spoilers[spoiler];
        var exam = NewExam();
        spoil(exam);

        var response = await manager.PostAsync($"/institution/v1/courses/{courseId}/exams", exam);

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"{spoiler}: expected an error on {field}, got {errors}");
        Assert.False(await platform.Institution.WithDbAsync(db => db.Exams.AnyAsync(e => e.CourseId == courseId)));
    }

    [Fact]
    public async Task A_replacement_keeps_the_given_ids_and_refuses_foreign_or_repeated_ones()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var examId = await CreateExamAsync(manager, courseId, NewExam());
        var otherExam = await CreateExamAsync(manager, courseId, NewExam());
        var exam = await GetExamAsync(manager, examId);
        var single = exam.GetProperty("questions")[0];
        var singleId = single.GetProperty("id").GetGuid();
        var optionIds = single.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToArray();
        var foreignQuestion = (await GetExamAsync(manager, otherExam)).GetProperty("questions")[0].GetProperty("id").GetGuid();

        var replaced = NewExam("고친 평가");
        replaced["questions"] = new object[]
        {
            ShortQuestion(),
            new { id = singleId, kind = "SINGLE", text = "고친 질문", points = 10, options = new object[]
            {
                new { id = optionIds[1], text = "5", correct = false }, new { id = optionIds[0], text = "4", correct = true }, new { text = "6", correct = false },
            } },
        };
        var saved = await manager.PutAsync($"/institution/v1/exams/{examId}", replaced);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var questions = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("questions");
        Assert.Equal(2, questions.GetArrayLength());
        Assert.Equal(singleId, questions[1].GetProperty("id").GetGuid());
        Assert.Equal(2, questions[1].GetProperty("position").GetInt32());
        Assert.Equal([optionIds[1], optionIds[0]], questions[1].GetProperty("options").EnumerateArray().Take(2).Select(o => o.GetProperty("id").GetGuid()));

        var wrong = NewExam();
        wrong["questions"] = new object[]
        {
            new { id = foreignQuestion, kind = "SHORT", text = "남의 질문", points = 5, answers = new[] { "가" } },
            new { id = singleId, kind = "SINGLE", text = "질문", points = 5, options = new object[]
            {
                new { id = optionIds[0], text = "4", correct = true }, new { id = optionIds[0], text = "5", correct = false },
            } },
        };
        var refused = await manager.PutAsync($"/institution/v1/exams/{examId}", wrong);

        var errors = (await refused.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("questions[0].id", out _));
        Assert.True(errors.TryGetProperty("questions[1].options[1].id", out _));
        Assert.Equal("고친 평가", (await GetExamAsync(manager, examId)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Publishing_happens_once_and_not_in_an_archived_course()
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager);
        var examId = await CreateExamAsync(manager, courseId, NewExam());
        var lateExam = await CreateExamAsync(manager, courseId, NewExam());

        (await manager.PostAsync($"/institution/v1/exams/{examId}/publish")).EnsureSuccessStatusCode();
        var again = await manager.PostAsync($"/institution/v1/exams/{examId}/publish");
        (await manager.PostAsync($"/institution/v1/courses/{courseId}/archive")).EnsureSuccessStatusCode();
        var archived = await manager.PostAsync($"/institution/v1/exams/{lateExam}/publish");

        Assert.Equal("https://lms.example/problems/exam-state", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString());
        Assert.Equal("https://lms.example/problems/course-archived", (await archived.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString());
        Assert.Equal("DRAFT", (await GetExamAsync(manager, lateExam)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_published_exam_can_change_until_a_learner_starts_it()
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var examId = await PublishedExamAsync(manager, courseId);

        var edited = await manager.PutAsync($"/institution/v1/exams/{examId}", NewExam("고친 평가"));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("PUBLISHED", (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(["중간평가", "고친 평가"], (await AnnouncementsAsync(examId)).Select(e => e.Title));

        var attemptId = Guid.CreateVersion7();
        await platform.Institution.Services.GetRequiredService<IBus>().Publish(Started(attemptId, examId, courseId, institutionId, Guid.CreateVersion7(), DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => platform.Institution.WithDbAsync(db => db.ExamAttempts.AnyAsync(a => a.AttemptId == attemptId)),
            Within, "the institution knows the attempt started");

        var editAfter = await manager.PutAsync($"/institution/v1/exams/{examId}", NewExam("또 고친 평가"));
        var deleteAfter = await manager.DeleteAsync($"/institution/v1/exams/{examId}");

        Assert.Equal("https://lms.example/problems/exam-has-attempts",
            (await editAfter.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString());
        await deleteAfter.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("고친 평가", (await GetExamAsync(manager, examId)).GetProperty("title").GetString());
        Assert.Equal(2, (await AnnouncementsAsync(examId)).Count);
    }

    [Fact]
    public async Task Deleting_a_draft_removes_it_and_deleting_a_published_exam_withdraws_it()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var draft = await CreateExamAsync(manager, courseId, NewExam());
        var published = await PublishedExamAsync(manager, courseId);

        var draftDeleted = await manager.DeleteAsync($"/institution/v1/exams/{draft}");
        var publishedDeleted = await manager.DeleteAsync($"/institution/v1/exams/{published}");

        Assert.Equal(HttpStatusCode.NoContent, draftDeleted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, publishedDeleted.StatusCode);
        await (await manager.GetAsync($"/institution/v1/exams/{draft}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"/institution/v1/exams/{published}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await AnnouncementsAsync(draft));
        var announcements = await AnnouncementsAsync(published);
        Assert.Equal([false, true], announcements.Select(e => e.Withdrawn));
        Assert.True(announcements[1].Version > announcements[0].Version);
    }

    [Fact]
    public async Task An_edit_based_on_a_stale_version_is_refused_with_412()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var examId = await CreateExamAsync(manager, courseId, NewExam());
        var etag = (await manager.GetAsync($"/institution/v1/exams/{examId}")).Headers.ETag!.Tag;

        var firstSave = await manager.PutAsync($"/institution/v1/exams/{examId}", NewExam("첫 수정"), etag);
        var secondSave = await manager.PutAsync($"/institution/v1/exams/{examId}", NewExam("늦은 수정"), etag);

        Assert.Equal(HttpStatusCode.OK, firstSave.StatusCode);
        await secondSave.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("첫 수정", (await GetExamAsync(manager, examId)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Another_institutions_course_and_exam_do_not_exist_for_this_manager()
    {
        var (_, owner) = await InstitutionScenarios.RegisterAsync(platform);
        var (_, stranger) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(owner);
        var examId = await CreateExamAsync(owner, courseId, NewExam());

        foreach (var response in new[]
        {
            await stranger.PostAsync($"/institution/v1/courses/{courseId}/exams", NewExam()),
            await stranger.GetAsync($"/institution/v1/courses/{courseId}/exams"),
            await stranger.GetAsync($"/institution/v1/exams/{examId}"),
            await stranger.PutAsync($"/institution/v1/exams/{examId}", NewExam()),
            await stranger.DeleteAsync($"/institution/v1/exams/{examId}"),
            await stranger.PostAsync($"/institution/v1/exams/{examId}/publish"),
            await stranger.GetAsync($"/institution/v1/exams/{examId}/attempts"),
        })
        {
            await response.AssertProblemAsync(HttpStatusCode.NotFound);
        }
        Assert.Equal("DRAFT", (await GetExamAsync(owner, examId)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Only_managers_may_author_exams()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var examId = await CreateExamAsync(manager, courseId, NewExam());
        var client = platform.Institution.Client;
        var outsiders = new Dictionary<string, (Caller Caller, HttpStatusCode Expected)>
        {
            ["anonymous"] = (Caller.Anonymous(client), HttpStatusCode.Unauthorized),
            ["visitor"] = (Caller.Visitor(client), HttpStatusCode.Forbidden),
            ["employee"] = (Caller.As(client, Roles.Employee, Guid.NewGuid(), "company"), HttpStatusCode.Forbidden),
            ["supervisor"] = (Caller.As(client, Roles.CompanySupervisor, Guid.NewGuid(), "company"), HttpStatusCode.Forbidden),
        };
        var routes = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Post, $"/institution/v1/courses/{courseId}/exams", NewExam()),
            (HttpMethod.Get, $"/institution/v1/courses/{courseId}/exams", null),
            (HttpMethod.Get, $"/institution/v1/exams/{examId}", null),
            (HttpMethod.Put, $"/institution/v1/exams/{examId}", NewExam()),
            (HttpMethod.Delete, $"/institution/v1/exams/{examId}", null),
            (HttpMethod.Post, $"/institution/v1/exams/{examId}/publish", null),
            (HttpMethod.Get, $"/institution/v1/exams/{examId}/attempts", null),
        };

        foreach (var (who, (caller, expected)) in outsiders)
        {
            foreach (var (method, path, body) in routes)
            {
                var response = await caller.SendAsync(method, path, body);
                Assert.True(expected == response.StatusCode, $"{who} {method} {path} → {(int)response.StatusCode}");
            }
        }
        Assert.Equal("DRAFT", (await GetExamAsync(manager, examId)).GetProperty("state").GetString());
    }

    private static readonly Dictionary<string, (string Field, Action<Dictionary<string, object?>> Spoil)> Spoilers = new()
    {
        ["blank title"] = ("title", e => e["title"] = "  "),
        ["long title"] = ("title", e => e["title"] = new string('가', 201)),
        ["long description"] = ("description", e => e["description"] = new string('가', 4001)),
        ["unknown kind"] = ("kind", e => e["kind"] = "QUIZ"),
        ["no time limit"] = ("timeLimitMinutes", e => e["timeLimitMinutes"] = 0),
        ["ten hours and more"] = ("timeLimitMinutes", e => e["timeLimitMinutes"] = 601),
        ["pass score over 100"] = ("passScore", e => e["passScore"] = 101),
        ["no attempts"] = ("attemptsAllowed", e => e["attemptsAllowed"] = 0),
        ["eleven attempts"] = ("attemptsAllowed", e => e["attemptsAllowed"] = 11),
        ["closing before opening"] = ("closesAt", e => e["closesAt"] = e["opensAt"]),
        ["no weight"] = ("weight", e => e["weight"] = 0),
        ["unknown scoring"] = ("scoring", e => e["scoring"] = "AVERAGE"),
        ["unknown answer key reveal"] = ("answerKeyReveal", e => e["answerKeyReveal"] = "AFTER_GRADING"),
        ["lower-case answer key reveal"] = ("answerKeyReveal", e => e["answerKeyReveal"] = "after_close"),
        ["no questions"] = ("questions", e => e["questions"] = Array.Empty<object>()),
        ["questions left out"] = ("questions", e => e.Remove("questions")),
        ["201 questions"] = ("questions", e => e["questions"] = Enumerable.Repeat<object>(ShortQuestion(), 201).ToArray()),
        ["unknown question kind"] = ("questions[1].kind", e => Second(e, new { kind = "ESSAY", text = "서술하라", points = 10 })),
        ["blank question"] = ("questions[1].text", e => Second(e, new { kind = "SHORT", text = " ", points = 10, answers = new[] { "가" } })),
        ["long question"] = ("questions[1].text", e => Second(e, new { kind = "SHORT", text = new string('가', 2001), points = 10, answers = new[] { "가" } })),
        ["no points"] = ("questions[1].points", e => Second(e, new { kind = "SHORT", text = "질문", points = 0, answers = new[] { "가" } })),
        ["101 points"] = ("questions[1].points", e => Second(e, new { kind = "SHORT", text = "질문", points = 101, answers = new[] { "가" } })),
        ["single with one option"] = ("questions[1].options", e => Second(e, Choice("SINGLE", true))),
        ["single with two correct"] = ("questions[1].options", e => Second(e, Choice("SINGLE", true, true))),
        ["single with none correct"] = ("questions[1].options", e => Second(e, Choice("SINGLE", false, false))),
        ["multiple with none correct"] = ("questions[1].options", e => Second(e, Choice("MULTIPLE", false, false, false))),
        ["eleven options"] = ("questions[1].options", e => Second(e, Choice("MULTIPLE", [.. Enumerable.Range(0, 11).Select(i => i == 0)]))),
        ["blank option"] = ("questions[1].options[1].text", e => Second(e, new
        {
            kind = "SINGLE", text = "질문", points = 5, options = new[] { new { text = "가", correct = true }, new { text = "", correct = false } },
        })),
        ["choice with accepted answers"] = ("questions[1].answers", e => Second(e, new
        {
            kind = "SINGLE", text = "질문", points = 5, options = new[] { new { text = "가", correct = true }, new { text = "나", correct = false } }, answers = new[] { "가" },
        })),
        ["short with options"] = ("questions[1].options", e => Second(e, new
        {
            kind = "SHORT", text = "질문", points = 5, options = new[] { new { text = "가", correct = true } }, answers = new[] { "가" },
        })),
        ["short without answers"] = ("questions[1].answers", e => Second(e, new { kind = "SHORT", text = "질문", points = 5, answers = Array.Empty<string>() })),
        ["short with a blank answer"] = ("questions[1].answers[1]", e => Second(e, new { kind = "SHORT", text = "질문", points = 5, answers = new[] { "가", " " } })),
        ["short with 21 answers"] = ("questions[1].answers", e => Second(e, new
        {
            kind = "SHORT", text = "질문", points = 5, answers = Enumerable.Range(0, 21).Select(i => $"답{i}").ToArray(),
        })),
        ["unknown question id"] = ("questions[1].id", e => Second(e, new { id = Guid.NewGuid(), kind = "SHORT", text = "질문", points = 5, answers = new[] { "가" } })),
        ["unknown option id"] = ("questions[1].options[1].id", e => Second(e, new
        {
            kind = "SINGLE", text = "질문", points = 5,
            options = new object[] { new { text = "가", correct = true }, new { id = Guid.NewGuid(), text = "나", correct = false } },
        })),
    };

    private static void Second(Dictionary<string, object?> exam, object question) => exam["questions"] = new[] { SingleQuestion(), question };

    /// <summary>The ExamPublished events stored for the exam, in the order they were written.</summary>
    private Task<List<ExamPublished>> AnnouncementsAsync(Guid examId) => platform.Institution.WithDbAsync(async db =>
        (await db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType.Contains(nameof(ExamPublished)) && m.Payload.Contains(examId.ToString()))
            .OrderBy(m => m.Sequence).ToListAsync())
        .Select(m => (ExamPublished)m.Deserialize()).ToList());
}
