using System.Security.Claims;
using Lms.Live.Data;
using Lms.Live.Sessions;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Quizzes;

/// <summary>Live quizzes: managers prepare them for a session, push them while LIVE, close them and read the results.</summary>
public static class QuizEndpoints
{
    public static RouteGroupBuilder MapQuizEndpoints(this RouteGroupBuilder api)
    {
        var quizzes = api.MapGroup("").RequireAuthorization().WithTags("Live quizzes");
        quizzes.MapPost("/sessions/{id:guid}/quizzes", PrepareAsync)
            .WithSummary("Prepare a question (2–6 options, 0-based correct option, optional solution, time limit) before or during the session (managers)");
        quizzes.MapPost("/quizzes/{id:guid}/push", PushAsync)
            .WithSummary("Open the quiz for answers and show it to the classroom without the answer; 409 unless the session is LIVE (managers)");
        quizzes.MapPost("/quizzes/{id:guid}/close", CloseAsync).WithSummary("Close the quiz now and reveal answer, solution and counts (managers)");
        quizzes.MapGet("/quizzes/{id:guid}/results", ResultsAsync).WithSummary("Each learner's answer, correctness and answer time, with counts (managers)");
        return api;
    }

    internal static async Task<Results<Created<QuizResponse>, ProblemHttpResult>> PrepareAsync(
        Guid id, PrepareQuizRequest request, ClaimsPrincipal caller, LiveDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (session, problem) = await SessionEndpoints.ManagedSessionAsync(db, id, caller.GetUserId(), cancellationToken);
        if (session is null)
        {
            return problem!;
        }
        if (session.State is not (SessionStates.Scheduled or SessionStates.Live))
        {
            return Problems.Conflict("session-state", $"Quizzes are prepared before or during a session; it is {session.State}.");
        }

        var quiz = LiveQuiz.Prepare(id, request.Question, request.Options, request.CorrectOption!.Value, request.Solution,
            request.TimeLimitSeconds!.Value, clock.GetUtcNow());
        db.Quizzes.Add(quiz);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/live/v1/quizzes/{quiz.Id}", QuizResponse.From(quiz));
    }

    internal static async Task<Results<Ok<QuizResponse>, ProblemHttpResult>> PushAsync(
        Guid id, ClaimsPrincipal caller, LiveDbContext db, QuizRoom room, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (quiz, session, problem) = await ManagedQuizAsync(db, id, caller, cancellationToken);
        if (quiz is null)
        {
            return problem!;
        }
        if (await db.Quizzes.AnyAsync(q => q.SessionId == quiz.SessionId && q.State == QuizStates.Open && q.Id != id, cancellationToken))
        {
            return Problems.Conflict("quiz-open", "Another quiz of this session is still open; close it first.");
        }
        if (quiz.Push(session!.State, clock.GetUtcNow()) is { } refusal)
        {
            return Problems.Conflict(refusal.Type, refusal.Title);
        }
        if (await db.SaveOrConflictAsync("quiz-conflict", "The quiz changed meanwhile.", cancellationToken) is { } conflict)
        {
            return conflict;
        }
        await room.AnnounceAsync(quiz, cancellationToken);
        return TypedResults.Ok(QuizResponse.From(quiz));
    }

    internal static async Task<Results<Ok<QuizResponse>, ProblemHttpResult>> CloseAsync(
        Guid id, ClaimsPrincipal caller, LiveDbContext db, QuizRoom room, CancellationToken cancellationToken)
    {
        var (quiz, _, problem) = await ManagedQuizAsync(db, id, caller, cancellationToken);
        if (quiz is null)
        {
            return problem!;
        }
        return await room.CloseAsync(quiz, cancellationToken) is { } refusal
            ? Problems.Conflict(refusal.Type, refusal.Title)
            : TypedResults.Ok(QuizResponse.From(quiz));
    }

    internal static async Task<Results<Ok<QuizResultsResponse>, ProblemHttpResult>> ResultsAsync(
        Guid id, ClaimsPrincipal caller, LiveDbContext db, QuizRoom room, CancellationToken cancellationToken)
    {
        var (quiz, _, problem) = await ManagedQuizAsync(db, id, caller, cancellationToken);
        if (quiz is null)
        {
            return problem!;
        }
        var answers = await (
            from answer in db.QuizAnswers.AsNoTracking().Where(a => a.QuizId == id)
            join user in db.Users.AsNoTracking() on answer.UserId equals user.Id into users
            from user in users.DefaultIfEmpty()
            orderby answer.AnsweredAt
            select new QuizResultEntry(answer.UserId, user == null ? null : user.Name, answer.Option, answer.Correct, answer.AnswerMs))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new QuizResultsResponse(quiz.Id, quiz.State, quiz.CorrectOption, await room.CountsAsync(quiz, cancellationToken), answers));
    }

    private static async Task<(LiveQuiz? Quiz, LiveSession? Session, ProblemHttpResult? Problem)> ManagedQuizAsync(
        LiveDbContext db, Guid quizId, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var quiz = await db.Quizzes.SingleOrDefaultAsync(q => q.Id == quizId, cancellationToken);
        if (quiz is null)
        {
            return (null, null, Problems.NotFound("The quiz does not exist."));
        }
        var (session, problem) = await SessionEndpoints.ManagedSessionAsync(db, quiz.SessionId, caller.GetUserId(), cancellationToken);
        return session is null ? (null, null, problem!.StatusCode == StatusCodes.Status404NotFound ? Problems.NotFound("The quiz does not exist.") : problem)
            : (quiz, session, null);
    }
}
