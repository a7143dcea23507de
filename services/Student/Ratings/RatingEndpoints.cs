using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lms.Contracts.Learning;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Lms.Student.Data;
using Lms.Student.Enrollments;
using Lms.Student.Learning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lms.Student.Ratings;

public sealed record RatingRequest([property: Range(1, 5)] int Stars, [property: MaxLength(1000)] string? Comment);

public sealed record RatingResponse(Guid EnrollmentId, Guid CourseId, int Stars, string? Comment, DateTimeOffset RatedAt);

public static class RatingEndpoints
{
    public static RouteGroupBuilder MapRatingEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/enrollments/{id:guid}/rating", RateAsync).ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization().WithTags("Learning")
            .WithSummary("Rate a completed course, 1–5 stars and an optional comment; once per enrollment");
        return api;
    }

    internal static async Task<Results<Created<RatingResponse>, ProblemHttpResult>> RateAsync(
        Guid id, RatingRequest request, ClaimsPrincipal caller, StudentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await LearnerEnrollment.FindAsync(db, caller.GetUserId(), id, cancellationToken) is not { } learner)
        {
            return Problems.NotFound("The enrollment does not exist.");
        }

        var (enrollment, provision, _) = learner;
        if (enrollment.State != EnrollmentStates.Completed)
        {
            return Problems.Conflict("not-completed", "A course can be rated once it is completed.");
        }

        if (await db.Ratings.FindAsync([id], cancellationToken) is not null)
        {
            return Problems.Conflict("already-rated", "This course has already been rated for this enrollment.");
        }

        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        var rating = CourseRating.Rate(id, enrollment.UserId, provision.CourseId, request.Stars, comment, clock.GetUtcNow());
        db.Ratings.Add(rating);
        db.PublishOnSave(new CourseRated(id, enrollment.UserId, provision.CourseId, provision.InstitutionId, provision.CompanyId,
            rating.Stars, comment, rating.RatedAt));
        return await db.SaveOrConflictAsync("already-rated", "This course has already been rated for this enrollment.", cancellationToken) is { } conflict
            ? conflict
            : TypedResults.Created($"/student/v1/enrollments/{id}/rating",
                new RatingResponse(id, rating.CourseId, rating.Stars, rating.Comment, rating.RatedAt));
    }
}
