using System.Security.Claims;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Lms.ServiceDefaults.Time;
using Lms.Student.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Teachback.Topics;

/// <summary>
/// Teach-back topics: what a learner may practise (title and prompt only), and the free-practice catalog admins curate
/// (with its rubric, which only they read).
/// </summary>
public static class TopicEndpoints
{
    /// <summary>The catalog is curated by hand; this bounds one answer all the same.</summary>
    public const int MaxCatalogTopics = 1000;

    public static RouteGroupBuilder MapTeachbackTopicEndpoints(this RouteGroupBuilder api)
    {
        var topics = api.MapGroup("/teachback-topics").WithTags("Teach-back");
        topics.MapGet("", ListAsync).RequireAuthorization()
            .WithSummary("Topics I may practise: those of my courses (ACTIVE or COMPLETED enrollments, until the provision's end date) and the free-practice catalog (major → subject → topic)")
            .WithDescription("Each topic's title and prompt; never its key points or synonyms (the rubric). With `courseId`, only that course's " +
                             "topics (404 when no enrollment of mine opens it: none, cancelled, the provision ended, or I left the company or the roster).");
        topics.MapGet("/{id:guid}", GetCatalogTopicAsync).RequireAuthorization(Roles.Admin)
            .WithSummary("A catalog topic with its rubric (key points and synonyms), to edit it").WithDescription("Course topics belong to their institution: 404 here.");
        topics.MapPost("", CreateAsync).RequireAuthorization(Roles.Admin).WithSummary("Add a topic to the free-practice catalog");
        topics.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Roles.Admin)
            .WithSummary("Change a catalog topic").WithDescription("Course topics belong to their institution: 404 here.");
        topics.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(Roles.Admin)
            .WithSummary("Remove a catalog topic").WithDescription("Submissions already made keep it.");
        return api;
    }

    internal static async Task<Results<Ok<TopicsResponse>, ProblemHttpResult>> ListAsync(
        [AsParameters] TopicQuery query, ClaimsPrincipal caller, StudentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var courses = (await TopicAccess.ActiveCourses(db, caller.GetUserId(), KoreaTime.Today(clock)).ToListAsync(cancellationToken))
            .DistinctBy(c => c.CourseId).ToList();
        if (query.CourseId is { } only)
        {
            courses = [.. courses.Where(c => c.CourseId == only)];
            if (courses.Count == 0)
            {
                return Problems.NotFound("The course does not exist.");
            }
        }

        var courseIds = courses.Select(c => (Guid?)c.CourseId).ToList();
        var courseTopics = await db.TeachbackTopics.AsNoTracking()
            .Where(t => t.Source == TopicSources.Course && !t.Deleted && courseIds.Contains(t.CourseId))
            .OrderBy(t => t.Title).ToListAsync(cancellationToken);
        var catalog = query.CourseId is null
            ? await db.TeachbackTopics.AsNoTracking().Where(t => t.Source == TopicSources.Catalog && !t.Deleted)
                .OrderBy(t => t.Major).ThenBy(t => t.Subject).ThenBy(t => t.Title).Take(MaxCatalogTopics).ToListAsync(cancellationToken)
            : [];

        return TypedResults.Ok(new TopicsResponse(
            [.. courses.OrderBy(c => c.CourseTitle).Select(c => new CourseTopics(c.CourseId, c.CourseTitle,
                [.. courseTopics.Where(t => t.CourseId == c.CourseId).Select(TopicView.Of)]))],
            [.. catalog.GroupBy(t => t.Major!).Select(major => new CatalogMajor(major.Key,
                [.. major.GroupBy(t => t.Subject!).Select(subject => new CatalogSubject(subject.Key, [.. subject.Select(TopicView.Of)]))]))]));
    }

    internal static async Task<Results<Ok<CatalogTopicView>, ProblemHttpResult>> GetCatalogTopicAsync(Guid id, StudentDbContext db, CancellationToken cancellationToken) =>
        await db.TeachbackTopics.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.Source == TopicSources.Catalog && !t.Deleted, cancellationToken) is { } topic
            ? TypedResults.Ok(CatalogTopicView.Of(topic))
            : TopicNotFound();

    internal static async Task<Created<CatalogTopicView>> CreateAsync(CatalogTopicRequest request, StudentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var topic = TeachbackTopic.InCatalog(request, clock.GetUtcNow());
        db.TeachbackTopics.Add(topic);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/student/v1/teachback-topics/{topic.Id}", CatalogTopicView.Of(topic));
    }

    internal static async Task<Results<Ok<CatalogTopicView>, ProblemHttpResult>> UpdateAsync(
        Guid id, CatalogTopicRequest request, StudentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await CatalogTopicAsync(db, id, cancellationToken) is not { } topic)
        {
            return TopicNotFound();
        }

        topic.Edit(request, clock.GetUtcNow());
        return await db.SaveOrConflictAsync("topic-changed", "The topic changed at the same time.", cancellationToken) is { } conflict
            ? conflict
            : TypedResults.Ok(CatalogTopicView.Of(topic));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, StudentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await CatalogTopicAsync(db, id, cancellationToken) is not { } topic)
        {
            return TopicNotFound();
        }

        topic.Delete(clock.GetUtcNow());
        return await db.SaveOrConflictAsync("topic-changed", "The topic changed at the same time.", cancellationToken) is { } conflict
            ? conflict
            : TypedResults.NoContent();
    }

    private static Task<TeachbackTopic?> CatalogTopicAsync(StudentDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.TeachbackTopics.SingleOrDefaultAsync(t => t.Id == id && t.Source == TopicSources.Catalog && !t.Deleted, cancellationToken);

    private static ProblemHttpResult TopicNotFound() => Problems.NotFound("The topic does not exist.");
}
