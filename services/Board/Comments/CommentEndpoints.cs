using System.Security.Claims;
using Lms.Board.Access;
using Lms.Board.Data;
using Lms.Board.Posts;
using Lms.Contracts.Boards;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Lms.ServiceDefaults.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Board.Comments;

/// <summary>
/// Comments on posts. Each comment changes its post's counters by a single SQL increment in the same transaction,
/// so concurrent comments are all counted; a manager's comment answers a question.
/// </summary>
public static class CommentEndpoints
{
    public static RouteGroupBuilder MapCommentEndpoints(this RouteGroupBuilder api)
    {
        var comments = api.MapGroup("").RequireAuthorization().WithTags("Board");
        comments.MapGet("/posts/{id:guid}/comments", ListAsync).WithSummary("A post's comments, oldest first");
        comments.MapPost("/posts/{id:guid}/comments", CreateAsync).WithSummary("Comment (learners of the class and its institution's managers)");
        comments.MapPut("/comments/{id:guid}", UpdateAsync).ProducesProblem(StatusCodes.Status403Forbidden).WithSummary("Edit one's own comment");
        comments.MapDelete("/comments/{id:guid}", DeleteAsync).ProducesProblem(StatusCodes.Status403Forbidden).WithSummary("Delete one's own comment (managers: any on their board)");
        return api;
    }

    internal static async Task<Results<Ok<Paged<CommentResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, [AsParameters] PageQuery query, ClaimsPrincipal caller, BoardDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await PostWithRoleAsync(db, id, caller.GetUserId(), KoreaTime.Today(clock), cancellationToken) is not ({ } post, not BoardRole.None))
        {
            return PostEndpoints.PostNotFound();
        }

        var comments = db.Comments.AsNoTracking().Where(c => c.PostId == post.Id);
        var total = await comments.CountAsync(cancellationToken);
        var page = await (
            from comment in comments.OrderBy(c => c.CreatedAt).Skip((query.Page - 1) * query.Size).Take(query.Size)
            join user in db.Users.AsNoTracking() on comment.AuthorId equals user.Id into users
            from user in users.DefaultIfEmpty()
            select new { comment, Name = user == null ? null : user.Name }).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<CommentResponse>([.. page.Select(c => CommentResponse.From(c.comment, c.Name))], query.Page, query.Size, total));
    }

    internal static async Task<Results<Created<CommentResponse>, ProblemHttpResult>> CreateAsync(
        Guid id, CommentRequest request, ClaimsPrincipal caller, BoardDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        if (await PostWithRoleAsync(db, id, userId, KoreaTime.Today(clock), cancellationToken) is not ({ } post, var role and not BoardRole.None))
        {
            return PostEndpoints.PostNotFound();
        }

        var now = clock.GetUtcNow();
        var comment = new Comment
        {
            Id = Guid.CreateVersion7(), PostId = id, AuthorId = userId, ByManager = role == BoardRole.Manager, Body = request.Body,
            CreatedAt = now, UpdatedAt = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await PostLock.TakeAsync(db, id, cancellationToken))
        {
            return PostEndpoints.PostNotFound();
        }

        var managerStep = comment.ByManager ? 1 : 0;
        await db.Posts.Where(p => p.Id == id).ExecuteUpdateAsync(p => p
            .SetProperty(x => x.CommentCount, x => x.CommentCount + 1)
            .SetProperty(x => x.ManagerCommentCount, x => x.ManagerCommentCount + managerStep), cancellationToken);
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        // The first manager comment ever answers the question; the asker is told once (the update claims it).
        if (comment.ByManager && post.Type == PostTypes.Question &&
            await db.Posts.Where(p => p.Id == id && p.AnswerNotifiedAt == null)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.AnswerNotifiedAt, now), cancellationToken) == 1)
        {
            db.PublishOnSave(new QuestionAnswered(post.Id, post.ProvisionId, post.Title, post.AuthorId, userId, now));
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Created($"/board/v1/comments/{comment.Id}", CommentResponse.From(comment, await PostEndpoints.NameOfAsync(db, userId, cancellationToken)));
    }

    internal static async Task<Results<Ok<CommentResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, CommentRequest request, ClaimsPrincipal caller, BoardDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null ||
            await PostWithRoleAsync(db, comment.PostId, userId, KoreaTime.Today(clock), cancellationToken) is not (_, not BoardRole.None))
        {
            return CommentNotFound();
        }

        if (comment.AuthorId != userId)
        {
            return PostEndpoints.Forbidden("Only the author edits a comment.");
        }

        comment.Body = request.Body;
        comment.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CommentResponse.From(comment, await PostEndpoints.NameOfAsync(db, userId, cancellationToken)));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal caller, BoardDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var comment = await db.Comments.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null ||
            await PostWithRoleAsync(db, comment.PostId, userId, KoreaTime.Today(clock), cancellationToken) is not (_, var role and not BoardRole.None))
        {
            return CommentNotFound();
        }

        if (comment.AuthorId != userId && role != BoardRole.Manager)
        {
            return PostEndpoints.Forbidden("Only the author or a manager of the institution deletes a comment.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await PostLock.TakeAsync(db, comment.PostId, cancellationToken);
        var deleted = await db.Comments.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 1)
        {
            var managerStep = comment.ByManager ? 1 : 0;
            await db.Posts.Where(p => p.Id == comment.PostId).ExecuteUpdateAsync(p => p
                .SetProperty(x => x.CommentCount, x => x.CommentCount - 1)
                .SetProperty(x => x.ManagerCommentCount, x => x.ManagerCommentCount - managerStep), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<(Post? Post, BoardRole Role)> PostWithRoleAsync(BoardDbContext db, Guid postId, Guid userId, DateOnly today,
        CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        return post is null ? (null, BoardRole.None) : (post, await BoardAccess.RoleAsync(db, post.ProvisionId, userId, today, cancellationToken));
    }

    private static ProblemHttpResult CommentNotFound() => Problems.NotFound("The comment does not exist.");
}
