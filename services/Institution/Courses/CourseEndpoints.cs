using System.Security.Claims;
using Lms.Institution.Categories;
using Lms.Institution.Data;
using Lms.Institution.Institutions;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Courses;

/// <summary>The course builder: courses, their structure and completion rule, for the institution's managers.</summary>
public static class CourseEndpoints
{
    public static RouteGroupBuilder MapCourseEndpoints(this RouteGroupBuilder api)
    {
        var courses = api.MapGroup("/courses").RequireAuthorization(Roles.InstitutionManager).WithTags("Courses");
        courses.MapPost("", CreateAsync).WithSummary("Create a draft course");
        courses.MapGet("", ListAsync).WithSummary("The institution's courses, newest change first");
        courses.MapGet("/{id:guid}", GetAsync).WithSummary("One course");
        courses.MapPut("/{id:guid}", UpdateAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Change a course's details");
        courses.MapPost("/{id:guid}/publish", PublishAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("DRAFT → PUBLISHED: it appears in the catalog");
        courses.MapPost("/{id:guid}/archive", ArchiveAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("PUBLISHED → ARCHIVED: it leaves the catalog, enrolled learners keep it");
        courses.MapGet("/{id:guid}/structure", GetStructureAsync)
            .WithSummary("The ordered chapters and items").WithDescription("The ETag header carries the version for If-Match.");
        courses.MapPut("/{id:guid}/structure", ReplaceStructureAsync).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Replace the whole structure at once")
            .WithDescription("Give ids to keep (and move) existing chapters and items, none for new ones; the order given is the order kept. " +
                             "Send If-Match with the ETag from GET: a stale one is 412. Items show files the content service has declared ready.");
        courses.MapPut("/{id:guid}/completion-rule", SetCompletionRuleAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Set the completion thresholds");
        return api;
    }

    internal static async Task<Results<Created<CourseResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CourseRequest request, ClaimsPrincipal caller, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ManagedInstitution.FindAsync(db, caller, cancellationToken) is not { } institution)
        {
            return InstitutionEndpoints.NotAManager();
        }

        if (await CoverProblemAsync(db, request.CoverFileId, institution.Id, cancellationToken) is { } coverProblem)
        {
            return coverProblem;
        }

        var course = Course.Create(institution.Id, request.ToDetails(), clock.GetUtcNow());
        db.Courses.Add(course);
        db.PublishOnSave(course.ToCatalogEvent(institution.Name));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/institution/v1/courses/{course.Id}", CourseResponse.From(course));
    }

    internal static async Task<Results<Ok<Paged<CourseSummary>>, ProblemHttpResult>> ListAsync(
        [AsParameters] CourseListQuery query, ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (await ManagedInstitution.IdAsync(db, caller, cancellationToken) is not { } institutionId)
        {
            return InstitutionEndpoints.NotAManager();
        }

        var courses = db.Courses.AsNoTracking().Where(c => c.InstitutionId == institutionId);
        if (query.State is { } state)
        {
            courses = courses.Where(c => c.State == state);
        }

        var total = await courses.CountAsync(cancellationToken);
        var page = await courses.OrderByDescending(c => c.UpdatedAt).Skip((query.Page - 1) * query.Size).Take(query.Size)
            .Select(c => new { c.Id, c.Title, c.CategoryCode, c.State, c.PeriodDays, c.UpdatedAt })
            .ToListAsync(cancellationToken);
        var items = page.Select(c => new CourseSummary(c.Id, c.Title, CategoryOf(c.CategoryCode), c.State, c.PeriodDays, c.UpdatedAt)).ToList();
        return TypedResults.Ok(new Paged<CourseSummary>(items, query.Page, query.Size, total));
    }

    internal static async Task<Results<Ok<CourseResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken) =>
        await OwnCourseAsync(db, caller, id, cancellationToken) is { } course
            ? TypedResults.Ok(CourseResponse.From(course))
            : CourseNotFound();

    internal static async Task<Results<Ok<CourseResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, CourseRequest request, ClaimsPrincipal caller, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OwnCourseAsync(db, caller, id, cancellationToken) is not { } course)
        {
            return CourseNotFound();
        }

        if (await CoverProblemAsync(db, request.CoverFileId, course.InstitutionId, cancellationToken) is { } coverProblem)
        {
            return coverProblem;
        }

        return await ApplyAsync(db, course, c => c.Edit(request.ToDetails(), clock.GetUtcNow()), publishStructure: false, cancellationToken) is { } refusal
            ? refusal
            : TypedResults.Ok(CourseResponse.From(course));
    }

    internal static Task<Results<Ok<CourseResponse>, ProblemHttpResult>> PublishAsync(
        Guid id, ClaimsPrincipal caller, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        TransitionAsync(id, caller, db, c => c.Publish(clock.GetUtcNow()), cancellationToken);

    internal static Task<Results<Ok<CourseResponse>, ProblemHttpResult>> ArchiveAsync(
        Guid id, ClaimsPrincipal caller, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        TransitionAsync(id, caller, db, c => c.Archive(clock.GetUtcNow()), cancellationToken);

    internal static async Task<Results<Ok<StructureResponse>, ProblemHttpResult>> GetStructureAsync(
        Guid id, ClaimsPrincipal caller, HttpResponse response, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (await OwnCourseAsync(db, caller, id, cancellationToken) is not { } course)
        {
            return CourseNotFound();
        }

        response.Headers.ETag = ETagOf(course);
        return TypedResults.Ok(StructureResponse.From(course));
    }

    internal static async Task<Results<Ok<StructureResponse>, ValidationProblem, ProblemHttpResult>> ReplaceStructureAsync(
        Guid id, StructureRequest request, ClaimsPrincipal caller, HttpRequest httpRequest, HttpResponse response,
        InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OwnCourseAsync(db, caller, id, cancellationToken) is not { } course)
        {
            return CourseNotFound();
        }

        var ifMatch = httpRequest.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0 && ifMatch != "*" && ifMatch.Replace("W/", string.Empty, StringComparison.Ordinal) != ETagOf(course))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed,
                title: "The structure changed since you loaded it. Reload and apply your edit again.", type: Problems.TypeBase + "stale-structure");
        }

        var fileIds = request.Chapters.OfType<ChapterPlan>().SelectMany(c => c.Items ?? []).OfType<ItemPlan>()
            .Select(i => i.FileId).OfType<Guid>().Distinct().ToList();
        var readyFiles = await db.ReadyFiles.AsNoTracking().Where(f => fileIds.Contains(f.FileId))
            .ToDictionaryAsync(f => f.FileId, f => new ReadyFileInfo(f.FileId, f.InstitutionId, f.ContentType, f.DurationSeconds), cancellationToken);
        var (structure, errors) = StructurePlanner.Plan(course.Chapters, request.Chapters, course.InstitutionId, readyFiles);
        if (structure is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await ApplyAsync(db, course, c => c.ReplaceStructure(structure, clock.GetUtcNow()), publishStructure: true, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        response.Headers.ETag = ETagOf(course);
        return TypedResults.Ok(StructureResponse.From(course));
    }

    internal static async Task<Results<Ok<CompletionRule>, ProblemHttpResult>> SetCompletionRuleAsync(
        Guid id, CompletionRule rule, ClaimsPrincipal caller, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OwnCourseAsync(db, caller, id, cancellationToken) is not { } course)
        {
            return CourseNotFound();
        }

        return await ApplyAsync(db, course, c => c.SetCompletionRule(rule, clock.GetUtcNow()), publishStructure: true, cancellationToken) is { } refusal
            ? refusal
            : TypedResults.Ok(course.CompletionRule);
    }

    private static async Task<Results<Ok<CourseResponse>, ProblemHttpResult>> TransitionAsync(
        Guid id, ClaimsPrincipal caller, InstitutionDbContext db, Func<Course, CourseRefusal?> transition, CancellationToken cancellationToken)
    {
        if (await OwnCourseAsync(db, caller, id, cancellationToken) is not { } course)
        {
            return CourseNotFound();
        }

        return await ApplyAsync(db, course, transition, publishStructure: false, cancellationToken) is { } refusal
            ? refusal
            : TypedResults.Ok(CourseResponse.From(course));
    }

    /// <summary>Applies a rule of the course, publishes the new snapshot, and saves under the row version.</summary>
    private static async Task<ProblemHttpResult?> ApplyAsync(
        InstitutionDbContext db, Course course, Func<Course, CourseRefusal?> change, bool publishStructure, CancellationToken cancellationToken)
    {
        if (change(course) is { } refusal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal.Title, type: Problems.TypeBase + refusal.Type,
                extensions: new Dictionary<string, object?> { ["state"] = course.State });
        }

        var institutionName = await db.Institutions.Where(i => i.Id == course.InstitutionId).Select(i => i.Name).SingleAsync(cancellationToken);
        db.PublishOnSave(course.ToCatalogEvent(institutionName));
        if (publishStructure)
        {
            db.PublishOnSave(course.ToStructureEvent());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("concurrent-change", "The course changed at the same time. Reload and try again.");
        }
    }

    // Another institution's course is indistinguishable from a course that does not exist.
    private static async Task<Course?> OwnCourseAsync(InstitutionDbContext db, ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken) =>
        await ManagedInstitution.IdAsync(db, caller, cancellationToken) is { } institutionId
            ? await db.Courses.SingleOrDefaultAsync(c => c.Id == id && c.InstitutionId == institutionId, cancellationToken)
            : null;

    private static async Task<ValidationProblem?> CoverProblemAsync(InstitutionDbContext db, Guid? coverFileId, Guid institutionId, CancellationToken cancellationToken)
    {
        if (coverFileId is not { } fileId ||
            await db.ReadyFiles.AnyAsync(f => f.FileId == fileId && f.InstitutionId == institutionId && f.ContentType.StartsWith("image/"), cancellationToken))
        {
            return null;
        }

        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["coverFileId"] = ["The cover must be a ready image upload of this institution."] });
    }

    internal static Category CategoryOf(string code) => CourseCategories.Find(code) ?? new Category(code, code);

    private static string ETagOf(Course course) => $"\"{course.Version}\"";

    private static ProblemHttpResult CourseNotFound() => Problems.NotFound("The course does not exist.");
}
