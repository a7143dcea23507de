using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Lms.Contracts.Courses;
using Lms.Contracts.Learning;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Lms.ServiceDefaults.Time;
using Lms.Student.Completion;
using Lms.Student.Data;
using Lms.Student.Enrollments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Learning;

/// <param name="PositionSeconds">Where the player is now, in seconds from the start of the video.</param>
/// <param name="Playing">Whether it is playing (false while paused); time paused earns nothing.</param>
/// <param name="SentAt">The player's clock when it sent this; only checked for sanity, never used for credit.</param>
/// <remarks>
/// Both fields are required: a heartbeat without them would be read as "at 0 s" or "paused". The range is given in
/// doubles, since an integer range converts the position to an int and a value beyond its range failed there.
/// </remarks>
public sealed record HeartbeatRequest(
    [property: JsonRequired, Range(0d, 100_000d)] double PositionSeconds,
    [property: JsonRequired] bool Playing,
    DateTimeOffset? SentAt = null);

public sealed record ItemProgressResponse(
    Guid ItemId, string State, decimal ProgressPercent, double WatchedSeconds, double CreditedSeconds, bool DailyCapReached,
    decimal CourseProgressPercent, string EnrollmentState);

public sealed record EnrollmentItem(Guid Id, string Title, string Kind, Guid? FileId, int? DurationSeconds, bool Required, string State, decimal ProgressPercent);

public sealed record EnrollmentChapter(Guid Id, string Title, IReadOnlyList<EnrollmentItem> Items);

public sealed record EnrollmentDetail(
    Guid Id, Guid CourseProvideId, Guid CourseId, string CourseTitle, string InstitutionName, DateOnly BeginDate, DateOnly EndDate,
    string State, decimal ProgressPercent, DateTimeOffset? CompletedAt, IReadOnlyList<string> MissingForCompletion,
    CompletionRuleSnapshot? CompletionRule, IReadOnlyList<EnrollmentChapter> Chapters);

/// <summary>Studying a course: its outline with my progress, video heartbeats and opening documents.</summary>
public static class LearningEndpoints
{
    /// <summary>A player's clock may run a little ahead of ours; more than this is not a clock, it is a forgery.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static RouteGroupBuilder MapLearningEndpoints(this RouteGroupBuilder api)
    {
        // Owner checks, not a role: a rostered member who is (or became) a supervisor still studies their own course.
        var enrollment = api.MapGroup("/enrollments/{id:guid}").RequireAuthorization().WithTags("Learning");
        enrollment.MapGet("", GetAsync).WithSummary("The enrollment with the course's ordered structure and my progress on each item");
        enrollment.MapPost("/items/{itemId:guid}/heartbeat", HeartbeatAsync).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Report the video player's position")
            .WithDescription("Credits at most the wall-clock time since the previous heartbeat: seeking ahead, fast heartbeats and faster playback " +
                             "earn real elapsed time only; a gap over 60 s earns nothing; two videos played at once share one wall clock. " +
                             "At most one heartbeat per second (429). Outside the course's dates → 409; a video whose length is unknown → 409 " +
                             "video-not-measured; another change of my progress at the same moment → 409 concurrent-progress. After completion " +
                             "the course stays open for review until its end date: the answer shows the item as it stands and credits nothing.");
        enrollment.MapPost("/items/{itemId:guid}/open", OpenAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Open a document (or image or other non-video item): completes it (after completion of the course: credits nothing)");
        return api;
    }

    internal static async Task<Results<Ok<EnrollmentDetail>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, StudentDbContext db, CourseCompletion completion, CancellationToken cancellationToken)
    {
        if (await LearnerEnrollment.FindAsync(db, caller.GetUserId(), id, cancellationToken) is not { } learner)
        {
            return Problems.NotFound("The enrollment does not exist.");
        }

        var (enrollment, provision, outline) = learner;
        var progress = (await completion.ProgressRowsAsync(enrollment.Id, cancellationToken)).ToDictionary(p => p.ItemId);
        var missing = outline is null ? [] : (await completion.StandingAsync(enrollment, outline, cancellationToken)).Verdict.Missing;
        var chapters = (outline?.Chapters ?? []).Select(c => new EnrollmentChapter(c.ChapterId, c.Title, [.. c.Items.Select(i =>
        {
            var item = progress.GetValueOrDefault(i.ItemId);
            return new EnrollmentItem(i.ItemId, i.Title, i.Kind, i.FileId, i.DurationSeconds, i.Required,
                item?.State ?? ItemStates.NotStarted, item?.PercentOf(i.DurationSeconds) ?? 0m);
        })])).ToList();
        return TypedResults.Ok(new EnrollmentDetail(enrollment.Id, provision.Id, provision.CourseId, provision.CourseTitle, provision.InstitutionName,
            provision.BeginDate, provision.EndDate, enrollment.State, enrollment.ProgressPercent, enrollment.CompletedAt,
            enrollment.State == EnrollmentStates.Completed ? [] : missing, outline?.Rule, chapters));
    }

    internal static async Task<Results<Ok<ItemProgressResponse>, ValidationProblem, ProblemHttpResult>> HeartbeatAsync(
        Guid id, Guid itemId, HeartbeatRequest request, ClaimsPrincipal caller, StudentDbContext db, CourseCompletion completion,
        [FromKeyedServices(LearningClock.Key)] TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (request.SentAt > now + ClockSkew)
        {
            return Problems.Invalid("sentAt", "The heartbeat claims to come from the future.");
        }

        if (await FindItemAsync(db, caller, id, itemId, cancellationToken) is not { } found)
        {
            return Problems.NotFound("The enrollment or the item does not exist.");
        }

        var (learner, item) = found;
        if (item.Kind != "VIDEO")
        {
            return Problems.Invalid("itemId", "Heartbeats are for videos; open other items instead.");
        }

        if (item.DurationSeconds is not { } duration || duration <= 0)
        {
            // Only a course attached before videos had to be measured can hold one; the institution must re-attach it.
            return Problems.Conflict("video-not-measured", "The video's length is unknown, so watching it cannot be credited yet.",
                "The institution has to attach a video whose duration was measured.");
        }

        if (request.PositionSeconds > duration + 1)
        {
            return Problems.Invalid("positionSeconds", $"The video is {duration} seconds long.");
        }

        if (learner.WhyNotLearning(now) is { } why)
        {
            return Problems.Conflict("not-learning", "No progress can be credited now.", why);
        }

        if (learner.IsReviewing)
        {
            return TypedResults.Ok(await ReviewAsync(db, learner, item, cancellationToken));
        }

        var progress = await ProgressOfAsync(db, learner, itemId, cancellationToken);
        if (progress.TooSoon(now))
        {
            return Problems.TooManyRequests("heartbeat-too-frequent", "Heartbeats come at most once a second; this one earned nothing.");
        }

        var activity = await LearnerActivity.TouchAsync(db, learner.Enrollment.UserId, cancellationToken);
        var wasCompleted = progress.IsCompleted;
        var credited = progress.Heartbeat(request.PositionSeconds, request.Playing, duration, now, activity.CreditedUntil);
        if (credited > 0)
        {
            activity.Credited(now);
        }

        var capReached = progress.ReachedThreshold(duration, learner.Outline!.Rule.VideoProgressPercent)
                         && !await TryCompleteAsync(db, learner, progress, now, cancellationToken);
        // The course's standing (progress %, completion) counts completed items, exams and live attendance: a beat that
        // completes nothing cannot change it, and most beats complete nothing, so only those that do reckon it again.
        return await SaveAsync(db, completion, learner, progress, item, credited, capReached, standingMayChange: progress.IsCompleted && !wasCompleted,
            cancellationToken);
    }

    internal static async Task<Results<Ok<ItemProgressResponse>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        Guid id, Guid itemId, ClaimsPrincipal caller, StudentDbContext db, CourseCompletion completion,
        [FromKeyedServices(LearningClock.Key)] TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await FindItemAsync(db, caller, id, itemId, cancellationToken) is not { } found)
        {
            return Problems.NotFound("The enrollment or the item does not exist.");
        }

        var (learner, item) = found;
        if (item.Kind == "VIDEO")
        {
            return Problems.Invalid("itemId", "A video completes by being watched, not opened.");
        }

        if (learner.WhyNotLearning(now) is { } why)
        {
            return Problems.Conflict("not-learning", "No progress can be credited now.", why);
        }

        if (learner.IsReviewing)
        {
            return TypedResults.Ok(await ReviewAsync(db, learner, item, cancellationToken));
        }

        // Before the daily cap is counted: a parallel open of the same learner then collides instead of also counting.
        await LearnerActivity.TouchAsync(db, learner.Enrollment.UserId, cancellationToken);
        var progress = await ProgressOfAsync(db, learner, itemId, cancellationToken);
        progress.Opened();
        var capReached = !await TryCompleteAsync(db, learner, progress, now, cancellationToken);
        return await SaveAsync(db, completion, learner, progress, item, 0, capReached, standingMayChange: true, cancellationToken);
    }

    private static async Task<(LearnerEnrollment Learner, CourseItemSnapshot Item)?> FindItemAsync(
        StudentDbContext db, ClaimsPrincipal caller, Guid enrollmentId, Guid itemId, CancellationToken cancellationToken) =>
        await LearnerEnrollment.FindAsync(db, caller.GetUserId(), enrollmentId, cancellationToken) is { Outline: { } outline } learner
        && outline.FindItem(itemId) is { } item
            ? (learner, item)
            : null;

    /// <summary>A completed learner reviewing: the item as it stands, nothing credited, nothing written.</summary>
    private static async Task<ItemProgressResponse> ReviewAsync(
        StudentDbContext db, LearnerEnrollment learner, CourseItemSnapshot item, CancellationToken cancellationToken)
    {
        var progress = await db.ItemProgress.AsNoTracking()
            .SingleOrDefaultAsync(p => p.EnrollmentId == learner.Enrollment.Id && p.ItemId == item.ItemId, cancellationToken);
        return new ItemProgressResponse(item.ItemId, progress?.State ?? ItemStates.NotStarted, progress?.PercentOf(item.DurationSeconds) ?? 0m,
            Math.Round(progress?.WatchedSeconds ?? 0, 2), 0, false, learner.Enrollment.ProgressPercent, learner.Enrollment.State);
    }

    private static async Task<ItemProgress> ProgressOfAsync(StudentDbContext db, LearnerEnrollment learner, Guid itemId, CancellationToken cancellationToken)
    {
        var progress = await db.ItemProgress.SingleOrDefaultAsync(p => p.EnrollmentId == learner.Enrollment.Id && p.ItemId == itemId, cancellationToken);
        if (progress is null)
        {
            progress = ItemProgress.Start(learner.Enrollment.Id, itemId, learner.Enrollment.UserId);
            db.ItemProgress.Add(progress);
        }

        return progress;
    }

    /// <summary>
    /// Completes the item unless the learner has already been credited the rule's daily number of items today (Korea
    /// time); then it stays in progress, keeps what was watched, and completes on a later day. False when capped.
    /// </summary>
    private static async Task<bool> TryCompleteAsync(
        StudentDbContext db, LearnerEnrollment learner, ItemProgress progress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (progress.IsCompleted)
        {
            return true;
        }

        var today = KoreaTime.Today(now);
        var creditedToday = await db.ItemProgress.CountAsync(p => p.UserId == learner.Enrollment.UserId && p.CompletedOn == today, cancellationToken);
        if (creditedToday >= learner.Outline!.Rule.DailyItemCap)
        {
            return false;
        }

        progress.Complete(now);
        var (enrollment, provision, _) = learner;
        db.PublishOnSave(new ContentCompleted(enrollment.Id, enrollment.UserId, provision.Id, provision.CourseId, progress.ItemId, now));
        return true;
    }

    private static async Task<Results<Ok<ItemProgressResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        StudentDbContext db, CourseCompletion completion, LearnerEnrollment learner, ItemProgress progress, CourseItemSnapshot item,
        double credited, bool capReached, bool standingMayChange, CancellationToken cancellationToken)
    {
        if (standingMayChange)
        {
            await completion.RefreshAsync(learner.Enrollment, learner.Provision, learner.Outline!, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (LostRace.Is(ex))
        {
            // Another heartbeat, an exam result or a course-wide re-evaluation changed the same learner at the same moment.
            return Problems.Conflict("concurrent-progress", "Progress changed at the same time; send the next heartbeat.");
        }

        return TypedResults.Ok(new ItemProgressResponse(item.ItemId, progress.State, progress.PercentOf(item.DurationSeconds),
            Math.Round(progress.WatchedSeconds, 2), Math.Round(credited, 2), capReached, learner.Enrollment.ProgressPercent, learner.Enrollment.State));
    }
}
