using System.Security.Claims;
using Lms.Institution.Data;
using Lms.Institution.Institutions;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Exams;

/// <summary>
/// Exam authoring for the institution's managers: exams of their courses, with answer keys, and the attempts learners
/// made. Each publication, change of a published exam and deletion of one is announced as <c>ExamPublished</c>.
/// </summary>
public static class ExamEndpoints
{
    /// <summary>Room for <see cref="QuestionSheet.MaxQuestions"/> questions at every length limit in UTF-8 JSON (the gateway takes 10 MiB).</summary>
    public const long MaxExamBodyBytes = 8 * 1024 * 1024;

    public static RouteGroupBuilder MapExamEndpoints(this RouteGroupBuilder api)
    {
        var exams = api.MapGroup("").RequireAuthorization(Roles.InstitutionManager).WithTags("Exams");
        // A full exam (200 questions at every length limit) is several MiB of JSON: more than the service's default body limit.
        var fullExam = new RequestSizeLimitAttribute(MaxExamBodyBytes);
        exams.MapPost("/courses/{courseId:guid}/exams", CreateAsync).WithMetadata(fullExam).WithSummary("Create a draft exam in a course");
        exams.MapGet("/courses/{courseId:guid}/exams", ListAsync).WithSummary("A course's exams, in the order they were created");
        exams.MapGet("/exams/{id:guid}", GetAsync)
            .WithSummary("One exam with its questions and answer keys").WithDescription("The ETag header carries the version for If-Match.");
        exams.MapPut("/exams/{id:guid}", ReplaceAsync).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).WithMetadata(fullExam)
            .WithSummary("Replace the whole exam")
            .WithDescription("Give ids to keep existing questions and options, none for new ones; the order given is the order kept. " +
                             "A published exam can be changed only until a learner starts it (409 exam-has-attempts). " +
                             "Send If-Match with the ETag from GET: a stale one is 412.");
        exams.MapDelete("/exams/{id:guid}", DeleteAsync).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Delete an exam").WithDescription("A published exam is withdrawn from learners; not once a learner has started it.");
        exams.MapPost("/exams/{id:guid}/publish", PublishAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("DRAFT → PUBLISHED: learners of the course can take it");
        exams.MapGet("/exams/{id:guid}/attempts", ListAttemptsAsync).WithSummary("Examinees' attempts and scores, latest started first");
        return api;
    }

    internal static async Task<Results<Created<ExamResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid courseId, ExamRequest request, ClaimsPrincipal caller, HttpResponse response, InstitutionDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await OwnCourseAsync(db, caller, courseId, cancellationToken) is not { } course)
        {
            return CourseNotFound();
        }

        var (questions, errors) = QuestionSheet.Plan([], request.Questions);
        if (questions is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var exam = Exam.Create(course.Id, course.InstitutionId, request.ToDetails(questions), clock.GetUtcNow());
        db.Exams.Add(exam);
        await db.SaveChangesAsync(cancellationToken);
        response.Headers.ETag = ETagOf(exam);
        return TypedResults.Created($"/institution/v1/exams/{exam.Id}", ExamResponse.From(exam));
    }

    internal static async Task<Results<Ok<Paged<ExamSummary>>, ProblemHttpResult>> ListAsync(
        Guid courseId, [AsParameters] ExamListQuery query, ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (await OwnCourseAsync(db, caller, courseId, cancellationToken) is null)
        {
            return CourseNotFound();
        }

        var exams = db.Exams.AsNoTracking().Where(e => e.CourseId == courseId);
        var total = await exams.CountAsync(cancellationToken);
        var items = await exams.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Skip((query.Page - 1) * query.Size).Take(query.Size)
            .Select(e => new ExamSummary(e.Id, e.Title, e.Kind, e.State, e.QuestionCount, e.TotalPoints, e.TimeLimitMinutes, e.Required, e.Weight,
                e.OpensAt, e.ClosesAt, e.UpdatedAt, e.Version))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<ExamSummary>(items, query.Page, query.Size, total));
    }

    internal static async Task<Results<Ok<ExamResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, HttpResponse response, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (await OwnExamAsync(db, caller, id, cancellationToken) is not { } exam)
        {
            return ExamNotFound();
        }

        response.Headers.ETag = ETagOf(exam);
        return TypedResults.Ok(ExamResponse.From(exam));
    }

    internal static async Task<Results<Ok<ExamResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        Guid id, ExamRequest request, ClaimsPrincipal caller, HttpRequest httpRequest, HttpResponse response, InstitutionDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OwnExamAsync(db, caller, id, cancellationToken) is not { } exam)
        {
            return ExamNotFound();
        }

        if (StaleProblem(httpRequest, exam) is { } stale)
        {
            return stale;
        }

        var (questions, errors) = QuestionSheet.Plan(exam.Questions, request.Questions);
        if (questions is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var attemptsStarted = await AttemptsStartedAsync(db, exam, cancellationToken);
        if (exam.Edit(request.ToDetails(questions), attemptsStarted, clock.GetUtcNow()) is { } refusal)
        {
            return Refused(refusal, exam);
        }

        if (exam.IsPublished)
        {
            db.PublishOnSave(exam.ToEvent());
        }

        if (await SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        response.Headers.ETag = ETagOf(exam);
        return TypedResults.Ok(ExamResponse.From(exam));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal caller, HttpRequest httpRequest, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OwnExamAsync(db, caller, id, cancellationToken) is not { } exam)
        {
            return ExamNotFound();
        }

        if (StaleProblem(httpRequest, exam) is { } stale)
        {
            return stale;
        }

        var attemptsStarted = await AttemptsStartedAsync(db, exam, cancellationToken);
        if (exam.Delete(attemptsStarted, clock.GetUtcNow()) is { } refusal)
        {
            return Refused(refusal, exam);
        }

        // A draft was never announced, so it just goes; a published one is withdrawn from learners in the same save.
        if (exam.IsPublished)
        {
            db.PublishOnSave(exam.ToEvent(withdrawn: true));
        }

        db.Exams.Remove(exam);
        return await SaveAsync(db, cancellationToken) is { } conflict ? conflict : TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<ExamResponse>, ProblemHttpResult>> PublishAsync(
        Guid id, ClaimsPrincipal caller, HttpRequest httpRequest, HttpResponse response, InstitutionDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await OwnExamAsync(db, caller, id, cancellationToken) is not { } exam)
        {
            return ExamNotFound();
        }

        if (StaleProblem(httpRequest, exam) is { } stale)
        {
            return stale;
        }

        var courseState = await db.Courses.Where(c => c.Id == exam.CourseId).Select(c => c.State).SingleAsync(cancellationToken);
        if (exam.Publish(courseState, clock.GetUtcNow()) is { } refusal)
        {
            return Refused(refusal, exam);
        }

        db.PublishOnSave(exam.ToEvent());
        if (await SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        response.Headers.ETag = ETagOf(exam);
        return TypedResults.Ok(ExamResponse.From(exam));
    }

    internal static async Task<Results<Ok<Paged<AttemptView>>, ProblemHttpResult>> ListAttemptsAsync(
        Guid id, [AsParameters] AttemptListQuery query, ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (await ManagedInstitution.IdAsync(db, caller, cancellationToken) is not { } institutionId ||
            !await db.Exams.AnyAsync(e => e.Id == id && e.InstitutionId == institutionId, cancellationToken))
        {
            return ExamNotFound();
        }

        var attempts = db.ExamAttempts.AsNoTracking().Where(a => a.ExamId == id);
        if (query.State is { } state)
        {
            attempts = attempts.Where(a => a.State == state);
        }

        var total = await attempts.CountAsync(cancellationToken);
        var items = await (
                from attempt in attempts
                join user in db.Users.AsNoTracking() on attempt.UserId equals user.Id into users
                from user in users.DefaultIfEmpty()
                orderby attempt.StartedAt descending, attempt.AttemptId
                select new AttemptView(attempt.AttemptId, attempt.UserId, user == null ? null : user.Name, user == null ? null : user.Email,
                    attempt.EnrollmentId, attempt.CompanyId, attempt.AttemptNumber, attempt.StartedAt, attempt.Deadline, attempt.State,
                    attempt.Score, attempt.Passed, attempt.AutoGraded, attempt.GradedAt))
            .Skip((query.Page - 1) * query.Size).Take(query.Size)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<AttemptView>(items, query.Page, query.Size, total));
    }

    // Another institution's course or exam is indistinguishable from one that does not exist.
    private static async Task<OwnedCourse?> OwnCourseAsync(InstitutionDbContext db, ClaimsPrincipal caller, Guid courseId, CancellationToken cancellationToken) =>
        await ManagedInstitution.IdAsync(db, caller, cancellationToken) is { } institutionId
            ? await db.Courses.AsNoTracking().Where(c => c.Id == courseId && c.InstitutionId == institutionId)
                .Select(c => new OwnedCourse(c.Id, c.InstitutionId)).SingleOrDefaultAsync(cancellationToken)
            : null;

    private static async Task<Exam?> OwnExamAsync(InstitutionDbContext db, ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken) =>
        await ManagedInstitution.IdAsync(db, caller, cancellationToken) is { } institutionId
            ? await db.Exams.SingleOrDefaultAsync(e => e.Id == id && e.InstitutionId == institutionId, cancellationToken)
            : null;

    /// <summary>Only a published exam can have been started; a draft is never shown to learners.</summary>
    private static async Task<bool> AttemptsStartedAsync(InstitutionDbContext db, Exam exam, CancellationToken cancellationToken) =>
        exam.IsPublished && await db.ExamAttempts.AnyAsync(a => a.ExamId == exam.Id, cancellationToken);

    private static ProblemHttpResult? StaleProblem(HttpRequest request, Exam exam)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        return ifMatch.Length > 0 && ifMatch != "*" && ifMatch.Replace("W/", string.Empty, StringComparison.Ordinal) != ETagOf(exam)
            ? TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed,
                title: "The exam changed since you loaded it. Reload and apply your edit again.", type: Problems.TypeBase + "stale-exam")
            : null;
    }

    private static async Task<ProblemHttpResult?> SaveAsync(InstitutionDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("concurrent-change", "The exam changed at the same time. Reload and try again.");
        }
    }

    private static ProblemHttpResult Refused(ExamRefusal refusal, Exam exam) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal.Title, type: Problems.TypeBase + refusal.Type,
            extensions: new Dictionary<string, object?> { ["state"] = exam.State });

    private static string ETagOf(Exam exam) => $"\"{exam.Version}\"";

    private static ProblemHttpResult CourseNotFound() => Problems.NotFound("The course does not exist.");

    private static ProblemHttpResult ExamNotFound() => Problems.NotFound("The exam does not exist.");

    private sealed record OwnedCourse(Guid Id, Guid InstitutionId);
}
