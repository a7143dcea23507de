using System.Text.Json;
using Lms.EndToEnd.Tests;

namespace Lms.Web.Tests.Learner;

/// <summary>
/// A class whose one learner can sit an exam today: the contract starts today, the learner has opened the course's
/// only required item (100 % progress, past the final exam's unlock), and the course has a published final exam with
/// one question of each kind. Made through the API, as the end-to-end journeys make a class.
/// </summary>
public sealed record ExamClassroom(Classroom Classroom, Person Learner, Guid EnrollmentId, Guid ExamId)
{
    public const string ExamTitle = "수료 평가";
    public const string SingleQuestion = "개인정보 유출을 알게 되면?";
    public const string SingleRight = "즉시 신고한다";
    public const string SingleWrong = "모른 척한다";
    public const string MultipleQuestion = "개인정보에 해당하는 것을 모두 고르세요.";
    public static readonly string[] MultipleRight = ["주민등록번호", "휴대전화 번호"];
    public const string MultipleWrong = "회사 대표번호";
    public const string ShortQuestion = "개인정보 보호 책임자를 줄여 무엇이라 하나요?";
    public const string ShortRight = "CPO";
    public const string Explanation = "즉시 신고해야 피해를 줄일 수 있습니다.";

    public Person Manager => Classroom.Manager;

    public static async Task<ExamClassroom> OpenAsync(HttpClient api, string answerKeyReveal = "AFTER_SUBMISSION", int attemptsAllowed = 1)
    {
        var classroom = await Classroom.RegisterAsync(api, employees: 1, beginInDays: 0);
        var learner = classroom.Employees[0];
        var exam = await classroom.Manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/courses/{classroom.CourseId}/exams", new
        {
            title = ExamTitle, description = "과정을 마친 뒤 응시합니다.", kind = "FINAL", timeLimitMinutes = 20, passScore = 60,
            attemptsAllowed, required = true, answerKeyReveal,
            questions = new object[]
            {
                new
                {
                    id = (Guid?)null, kind = "SINGLE", text = SingleQuestion, points = 40, explanation = Explanation,
                    options = new[] { new { text = SingleRight, correct = true }, new { text = SingleWrong, correct = false } },
                },
                new
                {
                    id = (Guid?)null, kind = "MULTIPLE", text = MultipleQuestion, points = 30,
                    options = new[]
                    {
                        new { text = MultipleRight[0], correct = true }, new { text = MultipleRight[1], correct = true },
                        new { text = MultipleWrong, correct = false },
                    },
                },
                new { id = (Guid?)null, kind = "SHORT", text = ShortQuestion, points = 30, answers = new[] { ShortRight } },
            },
        });
        var examId = exam.GetProperty("id").GetGuid();
        await classroom.Manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/exams/{examId}/publish");

        var enrollmentId = await EnrollmentOfAsync(learner);
        var detail = await Eventually.GetAsync(() => learner.SucceedAsync(HttpMethod.Get, $"/student/v1/enrollments/{enrollmentId}"),
            e => e.GetProperty("chapters").GetArrayLength() > 0, TimeSpan.FromSeconds(30), "the course's outline reaches the learner");
        var itemId = detail.GetProperty("chapters")[0].GetProperty("items")[0].GetProperty("id").GetGuid();
        await learner.SucceedAsync(HttpMethod.Post, $"/student/v1/enrollments/{enrollmentId}/items/{itemId}/open");
        await Eventually.GetAsync(() => learner.SucceedAsync(HttpMethod.Get, $"/student/v1/enrollments/{enrollmentId}/exams"),
            exams => exams.EnumerateArray().Any(e => e.GetProperty("id").GetGuid() == examId && e.GetProperty("unlocked").GetBoolean() && e.GetProperty("open").GetBoolean()),
            TimeSpan.FromSeconds(30), "the exam is open to the learner");
        return new ExamClassroom(classroom, learner, enrollmentId, examId);
    }

    /// <summary>The learner's only enrollment, once the roster's approval has reached the student service.</summary>
    public static async Task<Guid> EnrollmentOfAsync(Person learner) =>
        (await Eventually.GetAsync(() => learner.SucceedAsync(HttpMethod.Get, "/student/v1/enrollments"),
            list => list.GetProperty("items").GetArrayLength() == 1, TimeSpan.FromSeconds(30), "the enrollment appears"))
        .GetProperty("items")[0].GetProperty("id").GetGuid();

    /// <summary>Passes the exam through the API with every answer right; the course completes and a certificate is issued.</summary>
    public async Task<JsonElement> PassThroughTheApiAsync()
    {
        var attempt = await Learner.SucceedAsync(HttpMethod.Post, $"/student/v1/exams/{ExamId}/attempts");
        var answers = attempt.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("kind").GetString() == "SHORT"
            ? new { questionId = q.GetProperty("id").GetGuid(), optionIds = (Guid[]?)null, text = (string?)ShortRight }
            : new
            {
                questionId = q.GetProperty("id").GetGuid(),
                optionIds = (Guid[]?)q.GetProperty("options").EnumerateArray()
                    .Where(o => o.GetProperty("text").GetString() is SingleRight || MultipleRight.Contains(o.GetProperty("text").GetString()))
                    .Select(o => o.GetProperty("id").GetGuid()).ToArray(),
                text = (string?)null,
            }).ToArray();
        var path = $"/student/v1/attempts/{attempt.GetProperty("id").GetGuid()}";
        await Learner.SucceedAsync(HttpMethod.Put, $"{path}/answers", new { answers });
        return await Learner.SucceedAsync(HttpMethod.Post, $"{path}/submit");
    }
}
