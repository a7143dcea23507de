using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lms.Contracts.Exams;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Lms.ServiceDefaults.Time;
using Lms.Student.Completion;
using Lms.Student.Data;
using Lms.Student.Enrollments;
using Lms.Student.Learning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Exams;

public sealed record AnswerRequest(Guid QuestionId, IReadOnlyList<Guid>? OptionIds, [property: MaxLength(AnswerRequest.MaxTextLength)] string? Text)
{
    public const int MaxTextLength = 500;
}

public sealed record SaveAnswersRequest([property: Required, MaxLength(200)] IReadOnlyList<AnswerRequest> Answers);

/// <summary>Taking exams: the exams of my course, starting an attempt, answering, submitting, and the graded result.</summary>
public static class ExamEndpoints
{
    public static RouteGroupBuilder MapExamEndpoints(this RouteGroupBuilder api)
    {
        // Owner checks, not a role: a rostered member who is (or became) a supervisor still studies their own course.
        var exams = api.MapGroup("").RequireAuthorization().WithTags("Exams");
        exams.MapGet("/enrollments/{id:guid}/exams", ListAsync).WithSummary("The exams of my course, whether they are open to me, and my counted result");
        exams.MapPost("/exams/{examId:guid}/attempts", StartAsync).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Start an attempt: the server sets the deadline; questions come without answer keys")
            .WithDescription("409 when the exam is not open, not yet unlocked by course progress, an attempt is in progress, or no attempts are left.");
        exams.MapGet("/attempts/{id:guid}", GetAsync)
            .WithSummary("An attempt of mine; score once graded; keys, explanations and points per question as the exam's answerKeyReveal says")
            .WithDescription("AFTER_SUBMISSION: once submitted and no retake is left (no attempt left, my course period over or the exam closed). " +
                             "AFTER_CLOSE (the default): only once the exam's own window has closed, even if my course period ended earlier. " +
                             "NEVER: the score only.");
        exams.MapPut("/attempts/{id:guid}/answers", SaveAnswersAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Save answers (replaces the answers to the questions given); 409 after the deadline");
        exams.MapPost("/attempts/{id:guid}/submit", SubmitAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Submit and grade; submitting again returns the same result");
        return api;
    }

    internal static async Task<Results<Ok<IReadOnlyList<EnrollmentExam>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal caller, StudentDbContext db, CourseCompletion completion,
        [FromKeyedServices(LearningClock.Key)] TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await LearnerEnrollment.FindAsync(db, caller.GetUserId(), id, cancellationToken) is not { Outline: { } outline } learner)
        {
            return Problems.NotFound("The enrollment does not exist.");
        }

        var now = clock.GetUtcNow();
        var exams = await db.Exams.AsNoTracking().Where(e => e.CourseId == outline.CourseId && !e.Withdrawn).OrderBy(e => e.Title).ToListAsync(cancellationToken);
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.EnrollmentId == id).ToListAsync(cancellationToken);
        var progress = learner.Enrollment.ProgressPercent;
        IReadOnlyList<EnrollmentExam> items = [.. exams.Select(exam =>
        {
            var mine = attempts.Where(a => a.ExamId == exam.Id).ToList();
            var score = CourseCompletion.CountedScore(exam, [.. mine.Where(a => a.IsGraded)]);
            return new EnrollmentExam(exam.Id, exam.Title, exam.Description, exam.Kind, exam.TimeLimitMinutes, exam.PassScore, exam.AttemptsAllowed,
                mine.Count, exam.OpensAt, exam.ClosesAt, exam.Required, exam.Questions.Count, progress >= exam.UnlockPercent(outline.Rule),
                exam.UnlockPercent(outline.Rule), exam.IsOpen(now), score, score >= exam.PassScore,
                mine.FirstOrDefault(a => a.AcceptsAnswers(now))?.Id, exam.AnswerKeyReveal);
        })];
        return TypedResults.Ok(items);
    }

    internal static async Task<Results<Created<AttemptView>, ProblemHttpResult>> StartAsync(
        Guid examId, ClaimsPrincipal caller, StudentDbContext db, [FromKeyedServices(LearningClock.Key)] TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var now = clock.GetUtcNow();
        var exam = await db.Exams.AsNoTracking().SingleOrDefaultAsync(e => e.Id == examId && !e.Withdrawn, cancellationToken);
        var enrollmentId = exam is null ? (Guid?)null : await db.Enrollments
            .Join(db.Provisions.Where(p => p.CourseId == exam.CourseId), e => e.ProvisionId, p => p.Id, (e, p) => new { e, p })
            .Where(x => x.e.UserId == userId && x.e.State != EnrollmentStates.Cancelled)
            .OrderByDescending(x => x.p.EndDate)
            .Select(x => (Guid?)x.e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (exam is null || enrollmentId is null || await LearnerEnrollment.FindAsync(db, userId, enrollmentId.Value, cancellationToken) is not { Outline: { } outline } learner)
        {
            return Problems.NotFound("The exam does not exist.");
        }

        if (StartRefusal(exam, learner, outline.Rule, now) is { } refusal)
        {
            return refusal;
        }

        var attempts = await db.Attempts.Where(a => a.ExamId == exam.Id && a.EnrollmentId == learner.Enrollment.Id).ToListAsync(cancellationToken);
        if (attempts.FirstOrDefault(a => a.AcceptsAnswers(now)) is { } open)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "An attempt is already in progress.",
                type: Problems.TypeBase + "attempt-in-progress", extensions: new Dictionary<string, object?> { ["attemptId"] = open.Id });
        }

        if (attempts.Count >= exam.AttemptsAllowed)
        {
            return Problems.Conflict("no-attempts-left", $"All {exam.AttemptsAllowed} attempts have been used.");
        }

        var attempt = ExamAttempt.Start(exam, learner.Enrollment.Id, userId, attempts.Count + 1, now);
        db.Attempts.Add(attempt);
        db.PublishOnSave(new ExamAttemptStarted(attempt.Id, exam.Id, exam.CourseId, exam.InstitutionId, userId, learner.Enrollment.Id,
            learner.Provision.CompanyId, attempt.Number, now, attempt.Deadline));
        var saved = await db.SaveOrConflictAsync("attempt-in-progress", "An attempt was started at the same moment.", cancellationToken);
        return saved ?? (Results<Created<AttemptView>, ProblemHttpResult>)TypedResults.Created($"/student/v1/attempts/{attempt.Id}", AttemptView.Of(attempt));
    }

    internal static async Task<Results<Ok<AttemptView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, StudentDbContext db, [FromKeyedServices(LearningClock.Key)] TimeProvider clock,
        CancellationToken cancellationToken) =>
        await OwnAttemptAsync(db, caller, id, cancellationToken) is { } attempt
            ? TypedResults.Ok(await ViewAsync(db, attempt, clock.GetUtcNow(), cancellationToken))
            : Problems.NotFound("The attempt does not exist.");

    internal static async Task<Results<Ok<AttemptView>, ValidationProblem, ProblemHttpResult>> SaveAnswersAsync(
        Guid id, SaveAnswersRequest request, ClaimsPrincipal caller, StudentDbContext db,
        [FromKeyedServices(LearningClock.Key)] TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OwnAttemptAsync(db, caller, id, cancellationToken) is not { } attempt)
        {
            return Problems.NotFound("The attempt does not exist.");
        }

        if (!attempt.AcceptsAnswers(clock.GetUtcNow()))
        {
            return Problems.Conflict("attempt-closed", attempt.IsGraded ? "The attempt has been submitted." : "The time for this attempt is up.");
        }

        if (AnswerProblem(attempt, request.Answers) is { } problem)
        {
            return problem;
        }

        attempt.SaveAnswers([.. request.Answers.Select(a => new AttemptAnswer(a.QuestionId, a.OptionIds ?? [], a.Text?.Trim()))]);
        return await db.SaveOrConflictAsync("attempt-changed", "The attempt changed at the same time; reload it.", cancellationToken) is { } conflict
            ? conflict
            : TypedResults.Ok(AttemptView.Of(attempt));
    }

    internal static async Task<Results<Ok<AttemptView>, ProblemHttpResult>> SubmitAsync(
        Guid id, ClaimsPrincipal caller, StudentDbContext db, AttemptGrader grader, [FromKeyedServices(LearningClock.Key)] TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await OwnAttemptAsync(db, caller, id, cancellationToken) is null)
        {
            return Problems.NotFound("The attempt does not exist.");
        }

        ExamAttempt graded;
        try
        {
            graded = await grader.GradeAsync(id, automatically: false, cancellationToken);
        }
        catch (Exception ex) when (LostRace.Is(ex))
        {
            return Problems.Conflict("concurrent-progress", "Progress changed at the same time again and again; submit once more.");
        }

        return TypedResults.Ok(await ViewAsync(db, graded, clock.GetUtcNow(), cancellationToken));
    }

    private static async Task<AttemptView> ViewAsync(StudentDbContext db, ExamAttempt attempt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!attempt.IsGraded)
        {
            return AttemptView.Of(attempt);
        }

        // Read fresh on every view: the keys appear the moment the exam closes (or the rule says so), with no event needed.
        var exam = await db.Exams.AsNoTracking().SingleAsync(e => e.Id == attempt.ExamId, cancellationToken);
        var used = await db.Attempts.CountAsync(a => a.ExamId == attempt.ExamId && a.EnrollmentId == attempt.EnrollmentId, cancellationToken);
        var endDate = await db.Enrollments.Where(e => e.Id == attempt.EnrollmentId)
            .Join(db.Provisions, e => e.ProvisionId, p => p.Id, (e, p) => p.EndDate).SingleAsync(cancellationToken);
        return AttemptView.Of(attempt, exam.RevealsKeys(attempt.IsGraded, used, now, periodOver: KoreaTime.Today(now) > endDate));
    }

    private static ProblemHttpResult? StartRefusal(LearningExam exam, LearnerEnrollment learner, Lms.Contracts.Courses.CompletionRuleSnapshot rule, DateTimeOffset now)
    {
        if (learner.WhyNotLearning(now) is { } why)
        {
            return Problems.Conflict("not-learning", "Exams cannot be taken now.", why);
        }

        if (!exam.IsOpen(now))
        {
            return Problems.Conflict("exam-not-open", "The exam is not open now.",
                $"It is open from {exam.OpensAt:u} to {exam.ClosesAt:u}.");
        }

        return learner.Enrollment.ProgressPercent < exam.UnlockPercent(rule)
            ? Problems.Conflict("exam-locked", $"The exam opens at {exam.UnlockPercent(rule)}% course progress.")
            : null;
    }

    /// <summary>Each answer names a question of this attempt once, with options of that question (one for a single choice) or a text.</summary>
    private static ValidationProblem? AnswerProblem(ExamAttempt attempt, IReadOnlyList<AnswerRequest> answers)
    {
        var paper = attempt.Paper.ToDictionary(q => q.QuestionId);
        var seen = new HashSet<Guid>();
        for (var i = 0; i < answers.Count; i++)
        {
            // The validation filter checks the request's own fields, not those of each list item.
            if (answers[i] is not { } answer)
            {
                return Problems.Invalid($"answers[{i}]", "An answer cannot be null.");
            }

            if (answer.Text?.Length > AnswerRequest.MaxTextLength)
            {
                return Problems.Invalid($"answers[{i}].text", $"An answer is at most {AnswerRequest.MaxTextLength} characters.");
            }

            if (!paper.TryGetValue(answer.QuestionId, out var question) || !seen.Add(answer.QuestionId))
            {
                return Problems.Invalid($"answers[{i}].questionId", "Answer each question of this attempt at most once.");
            }

            var options = answer.OptionIds ?? [];
            if (question.Kind == QuestionKinds.ShortAnswer ? options.Count > 0 : answer.Text is not null)
            {
                return Problems.Invalid($"answers[{i}]", question.Kind == QuestionKinds.ShortAnswer ? "Answer with text." : "Answer by choosing options.");
            }

            if (options.Distinct().Count() != options.Count || options.Any(o => question.Options.All(q => q.OptionId != o)))
            {
                return Problems.Invalid($"answers[{i}].optionIds", "Choose options of this question, each once.");
            }

            if (question.Kind == QuestionKinds.SingleChoice && options.Count > 1)
            {
                return Problems.Invalid($"answers[{i}].optionIds", "Choose one option.");
            }
        }

        return null;
    }

    private static Task<ExamAttempt?> OwnAttemptAsync(StudentDbContext db, ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        return db.Attempts.SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, cancellationToken);
    }
}
