using System.Security.Claims;
using Lms.Institution.Data;
using Lms.Institution.Institutions;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Teachback;

/// <summary>
/// Teach-back topics of the institution's courses, for its managers. Each change is stored with its
/// <c>TeachbackTopicChanged</c> in the outbox; the student service keeps the topics learners practise from those.
/// </summary>
public static class TeachbackTopicEndpoints
{
    /// <summary>A course's topics are chosen by hand; this bounds one answer all the same.</summary>
    public const int MaxTopicsPerCourse = 200;

    public static RouteGroupBuilder MapTeachbackTopicEndpoints(this RouteGroupBuilder api)
    {
        var topics = api.MapGroup("").RequireAuthorization(Roles.InstitutionManager).WithTags("Teach-back");
        topics.MapPost("/courses/{courseId:guid}/teachback-topics", CreateAsync)
            .WithSummary("Add a teach-back topic to a course: title, the prompt learners read, key points and synonyms (the rubric learners never see), language (ko by default)");
        topics.MapGet("/courses/{courseId:guid}/teachback-topics", ListAsync).WithSummary("A course's teach-back topics, by title");
        topics.MapPut("/teachback-topics/{id:guid}", UpdateAsync).WithSummary("Change a teach-back topic; learners see the change");
        topics.MapDelete("/teachback-topics/{id:guid}", DeleteAsync)
            .WithSummary("Remove a teach-back topic").WithDescription("Learners can no longer practise it; their submissions keep it.");
        return api;
    }

    internal static async Task<Results<Created<TeachbackTopicResponse>, ProblemHttpResult>> CreateAsync(
        Guid courseId, TeachbackTopicRequest request, ClaimsPrincipal caller, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ManagedInstitution.IdAsync(db, caller, cancellationToken) is not { } institutionId ||
            !await db.Courses.AnyAsync(c => c.Id == courseId && c.InstitutionId == institutionId, cancellationToken))
        {
            return Problems.NotFound("The course does not exist.");
        }

        if (await db.TeachbackTopics.CountAsync(t => t.CourseId == courseId && !t.Deleted, cancellationToken) >= MaxTopicsPerCourse)
        {
            return Problems.Conflict("too-many-topics", $"A course has at most {MaxTopicsPerCourse} teach-back topics.");
        }

        var topic = CourseTeachbackTopic.Create(courseId, institutionId, request, clock.GetUtcNow());
        db.TeachbackTopics.Add(topic);
        db.PublishOnSave(topic.Changed());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/institution/v1/teachback-topics/{topic.Id}", TeachbackTopicResponse.From(topic));
    }

    internal static async Task<Results<Ok<IReadOnlyList<TeachbackTopicResponse>>, ProblemHttpResult>> ListAsync(
        Guid courseId, ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (await ManagedInstitution.IdAsync(db, caller, cancellationToken) is not { } institutionId ||
            !await db.Courses.AnyAsync(c => c.Id == courseId && c.InstitutionId == institutionId, cancellationToken))
        {
            return Problems.NotFound("The course does not exist.");
        }

        var topics = await db.TeachbackTopics.AsNoTracking().Where(t => t.CourseId == courseId && !t.Deleted)
            .OrderBy(t => t.Title).ThenBy(t => t.Id).Take(MaxTopicsPerCourse).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TeachbackTopicResponse>>([.. topics.Select(TeachbackTopicResponse.From)]);
    }

    internal static async Task<Results<Ok<TeachbackTopicResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, TeachbackTopicRequest request, ClaimsPrincipal caller, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OwnTopicAsync(db, caller, id, cancellationToken) is not { } topic)
        {
            return TopicNotFound();
        }

        topic.Edit(request, clock.GetUtcNow());
        db.PublishOnSave(topic.Changed());
        return await db.SaveOrConflictAsync("topic-changed", "The topic changed at the same time.", cancellationToken) is { } conflict
            ? conflict
            : TypedResults.Ok(TeachbackTopicResponse.From(topic));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal caller, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OwnTopicAsync(db, caller, id, cancellationToken) is not { } topic)
        {
            return TopicNotFound();
        }

        topic.Delete(clock.GetUtcNow());
        db.PublishOnSave(topic.Changed());
        return await db.SaveOrConflictAsync("topic-changed", "The topic changed at the same time.", cancellationToken) is { } conflict
            ? conflict
            : TypedResults.NoContent();
    }

    // Another institution's topic is indistinguishable from one that does not exist.
    private static async Task<CourseTeachbackTopic?> OwnTopicAsync(InstitutionDbContext db, ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken) =>
        await ManagedInstitution.IdAsync(db, caller, cancellationToken) is { } institutionId
            ? await db.TeachbackTopics.SingleOrDefaultAsync(t => t.Id == id && t.InstitutionId == institutionId && !t.Deleted, cancellationToken)
            : null;

    private static ProblemHttpResult TopicNotFound() => Problems.NotFound("The topic does not exist.");
}
