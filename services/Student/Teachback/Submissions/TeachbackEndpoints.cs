using System.Globalization;
using System.Security.Claims;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Lms.ServiceDefaults.Time;
using Lms.Student.Data;
using Lms.Student.Teachback.Processing;
using Lms.Student.Teachback.Ranking;
using Lms.Student.Teachback.Topics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lms.Student.Teachback.Submissions;

/// <summary>
/// Teach-back practice: submit an explanation, poll its result, rate the feedback, and see the ranking. Results are
/// polled (GET the submission; <c>Retry-After</c> says when to ask again while it is PENDING); nothing is pushed.
/// </summary>
public static class TeachbackEndpoints
{
    public static RouteGroupBuilder MapTeachbackEndpoints(this RouteGroupBuilder api)
    {
        var teachbacks = api.MapGroup("/teachbacks").RequireAuthorization().WithTags("Teach-back");
        teachbacks.MapPost("", SubmitAsync)
            .WithSummary("Submit an explanation of a topic: a recording I uploaded (purpose teachback-audio) or text up to 20,000 characters")
            .WithDescription("202 with the submission PENDING; poll GET /teachbacks/{id}. 404 for a topic I may not practise or a recording that is not mine (or not ready yet). " +
                             "429 teachback-quota-exhausted once I have made the day's submissions (Teachback:DailySubmissions, 20 by default; " +
                             "`resetsAt` and Retry-After name the next midnight in Asia/Seoul), 429 teachback-too-many-pending while 2 of mine are still PENDING.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        teachbacks.MapGet("/{id:guid}", GetAsync)
            .WithSummary("One of my submissions: status, reason, transcript, score and feedback")
            .WithDescription("While PENDING the Retry-After header says how many seconds to wait before asking again. Someone else's submission is a 404.");
        teachbacks.MapGet("/mine", MineAsync).WithSummary("My submissions, newest first, paged");
        teachbacks.MapPost("/{id:guid}/rating", RateAsync)
            .WithSummary("Rate how helpful the feedback was, 1–5 stars; once, on a scored submission of mine");
        teachbacks.MapGet("/ranking", RankingAsync)
            .WithSummary("The ranking over the last 30 days, per course (courseId) or global: top entries and my rank and percentile")
            .WithDescription("By average score of SUCCEEDED submissions, for learners with at least 3 of them; ties by more submissions, then " +
                             "by who reached the standing first. A course ranking is open to the course's learners (404 otherwise); the global one to " +
                             "company members and learners with an enrollment (403 ranking-needs-enrollment otherwise). I see myself and colleagues of " +
                             "my company by name, everyone else by a stable pseudonym (`pseudonymous`).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    internal static async Task<Results<Accepted<SubmissionAccepted>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        SubmitTeachbackRequest request, ClaimsPrincipal caller, HttpResponse response, StudentDbContext db, TimeProvider clock,
        IOptions<TeachbackOptions> options, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var now = clock.GetUtcNow();
        if (await TopicAccess.PractisableAsync(db, userId, request.TopicId!.Value, KoreaTime.Today(now), cancellationToken) is not { } topic)
        {
            return Problems.NotFound("The topic does not exist.");
        }

        TeachbackSubmission submission;
        if (request.FileId is { } fileId)
        {
            // Only the caller's own recording; another's, or one whose upload has not been announced yet, is not found.
            if (!await db.TeachbackAudio.AnyAsync(a => a.FileId == fileId && a.UploaderId == userId, cancellationToken))
            {
                return Problems.NotFound("The recording does not exist or is not ready yet.");
            }

            submission = TeachbackSubmission.OfRecording(userId, topic.Id, topic.CourseId, fileId, now, options.Value.Deadline);
        }
        else
        {
            submission = TeachbackSubmission.OfText(userId, topic.Id, topic.CourseId, request.Text!, now, options.Value.Deadline);
        }

        // The quota row's lock is held until the submission is stored, so two submissions at once are counted one by one.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await SubmissionQuota.TakeAsync(db, userId, now, options.Value, cancellationToken) is { } refusal)
        {
            return SubmissionQuota.Problem(refusal, response);
        }

        db.TeachbackSubmissions.Add(submission);
        db.PublishOnSave(new TeachbackRequested(submission.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Accepted($"/student/v1/teachbacks/{submission.Id}", new SubmissionAccepted(submission.Id, submission.Status));
    }

    internal static async Task<Results<Ok<SubmissionView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, HttpResponse response, StudentDbContext db, IOptions<TeachbackOptions> options, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var found = await db.TeachbackSubmissions.AsNoTracking().Where(s => s.Id == id && s.UserId == userId)
            .Join(db.TeachbackTopics.AsNoTracking(), s => s.TopicId, t => t.Id, (s, t) => new { Submission = s, t.Title })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return SubmissionNotFound();
        }

        if (found.Submission.IsPending)
        {
            response.Headers.RetryAfter = options.Value.PollSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.Ok(SubmissionView.Of(found.Submission, found.Title));
    }

    internal static async Task<Ok<Paged<SubmissionSummary>>> MineAsync(
        [AsParameters] MineQuery query, ClaimsPrincipal caller, StudentDbContext db, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var mine = db.TeachbackSubmissions.AsNoTracking().Where(s => s.UserId == userId);
        var total = await mine.CountAsync(cancellationToken);
        var items = await mine.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Skip((query.Page - 1) * query.Size).Take(query.Size)
            .Join(db.TeachbackTopics.AsNoTracking(), s => s.TopicId, t => t.Id,
                (s, t) => new SubmissionSummary(s.Id, s.TopicId, t.Title, s.Status, s.Reason, s.Score, s.CreatedAt, s.FinishedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<SubmissionSummary>([.. items.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)], query.Page, query.Size, total));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RateAsync(
        Guid id, HelpfulnessRequest request, ClaimsPrincipal caller, StudentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        if (await db.TeachbackSubmissions.SingleOrDefaultAsync(s => s.Id == id && s.UserId == userId, cancellationToken) is not { } submission)
        {
            return SubmissionNotFound();
        }

        if (submission.Rate(request.Stars, clock.GetUtcNow()) is { } refusal)
        {
            return Problems.Conflict(submission.HelpfulnessStars is null ? "not-scored" : "already-rated", refusal);
        }

        return await db.SaveOrConflictAsync("already-rated", "This feedback has already been rated.", cancellationToken) is { } conflict
            ? conflict
            : TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<RankingResponse>, ProblemHttpResult>> RankingAsync(
        [AsParameters] RankingQuery query, ClaimsPrincipal caller, StudentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var viewer = RankingViewer.Of(caller);
        if (query.CourseId is { } courseId)
        {
            if (!await viewer.MayReadCourseAsync(db, courseId, cancellationToken))
            {
                return Problems.NotFound("The course does not exist.");
            }
        }
        else if (!await viewer.MayReadGlobalAsync(db, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: Problems.TypeBase + "ranking-needs-enrollment",
                title: "The global ranking is for people in training: members of a company and learners with an enrollment.");
        }

        var scope = query.CourseId ?? TeachbackRankDay.Global;
        var from = KoreaTime.Today(clock.GetUtcNow()).AddDays(-(RankingRules.WindowDays - 1));
        var ranked = RankingRules.Rank(await RankingBook.StandingsAsync(db, scope, from, RankingRules.MinimumCount, cancellationToken));
        var top = ranked.Take(query.Top).ToList();
        var topIds = top.Select(r => r.Standing.UserId).ToList();
        var shown = await viewer.DisplayNamesAsync(db, topIds, cancellationToken);

        var userId = viewer.UserId;
        var mine = ranked.FirstOrDefault(r => r.Standing.UserId == userId);
        var myCount = mine?.Standing.Count ??
                      (await RankingBook.StandingsAsync(db, scope, from, 1, cancellationToken, onlyUser: userId)).SingleOrDefault()?.Count ?? 0;
        var me = mine is null
            ? new MyStanding(null, null, null, myCount)
            : new MyStanding(mine.Rank, RankingRules.Percentile(mine.Rank, ranked.Count), mine.Standing.Average, mine.Standing.Count);
        return TypedResults.Ok(new RankingResponse(query.CourseId is null ? "GLOBAL" : "COURSE", query.CourseId, from, RankingRules.MinimumCount, ranked.Count,
            [.. top.Select(r => new RankingEntry(r.Rank, shown[r.Standing.UserId].Name, r.Standing.Average, r.Standing.Count, r.Standing.UserId == userId,
                shown[r.Standing.UserId].Pseudonymous))],
            me));
    }

    private static ProblemHttpResult SubmissionNotFound() => Problems.NotFound("The submission does not exist.");
}
