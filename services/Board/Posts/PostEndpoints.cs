using System.Security.Claims;
using Lms.Board.Access;
using Lms.Board.Data;
using Lms.Contracts.Boards;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Lms.ServiceDefaults.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Board.Posts;

/// <summary>The posts of a class's board (one board per course provision).</summary>
public static class PostEndpoints
{
    public static RouteGroupBuilder MapPostEndpoints(this RouteGroupBuilder api)
    {
        var board = api.MapGroup("").RequireAuthorization().WithTags("Board");
        board.MapGet("/course-provides/{cpId:guid}/posts", ListAsync)
            .WithSummary("The class's posts: pinned notices first, then newest; counts and answered flag included");
        board.MapPost("/course-provides/{cpId:guid}/posts", CreateAsync).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Post a NOTICE (managers of the institution) or a QUESTION (enrolled learners)");
        board.MapGet("/posts/mine", MineAsync).WithSummary("My posts on every board");
        board.MapGet("/posts/{id:guid}", GetAsync).WithSummary("One post; the first read by each person counts as a view");
        board.MapPut("/posts/{id:guid}", UpdateAsync).ProducesProblem(StatusCodes.Status403Forbidden).WithSummary("Edit one's own post");
        board.MapDelete("/posts/{id:guid}", DeleteAsync).ProducesProblem(StatusCodes.Status403Forbidden).WithSummary("Delete one's own post (managers: any on their board), with its comments");
        return api;
    }

    internal static async Task<Results<Ok<Paged<PostListItem>>, ProblemHttpResult>> ListAsync(
        Guid cpId, [AsParameters] PostQuery query, ClaimsPrincipal caller, BoardDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await BoardAccess.RoleAsync(db, cpId, caller.GetUserId(), KoreaTime.Today(clock), cancellationToken) == BoardRole.None)
        {
            return BoardNotFound();
        }

        var posts = db.Posts.AsNoTracking().Where(p => p.ProvisionId == cpId);
        if (query.Type is { } type)
        {
            posts = posts.Where(p => p.Type == type);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            posts = posts.Where(p => p.Title.Contains(text) || p.Body.Contains(text));
        }

        var total = await posts.CountAsync(cancellationToken);
        var items = await ToItems(db, posts.OrderByDescending(p => p.Type == PostTypes.Notice && p.Pinned).ThenByDescending(p => p.CreatedAt)
            .Skip((query.Page - 1) * query.Size).Take(query.Size)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<PostListItem>(items, query.Page, query.Size, total));
    }

    internal static async Task<Ok<Paged<PostListItem>>> MineAsync(
        [AsParameters] PageQuery query, ClaimsPrincipal caller, BoardDbContext db, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var posts = db.Posts.AsNoTracking().Where(p => p.AuthorId == userId);
        var total = await posts.CountAsync(cancellationToken);
        var items = await ToItems(db, posts.OrderByDescending(p => p.CreatedAt).Skip((query.Page - 1) * query.Size).Take(query.Size))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<PostListItem>(items, query.Page, query.Size, total));
    }

    internal static async Task<Results<Created<PostResponse>, ProblemHttpResult>> CreateAsync(
        Guid cpId, PostRequest request, ClaimsPrincipal caller, BoardDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var role = await BoardAccess.RoleAsync(db, cpId, userId, KoreaTime.Today(clock), cancellationToken);
        if (role == BoardRole.None)
        {
            return BoardNotFound();
        }

        var allowed = request.Type == PostTypes.Notice ? role == BoardRole.Manager : role == BoardRole.Enrollee;
        if (!allowed)
        {
            return Forbidden(request.Type == PostTypes.Notice
                ? "Only the institution's managers post notices."
                : "Questions are asked by the learners enrolled in the class.");
        }

        var now = clock.GetUtcNow();
        var post = new Post
        {
            Id = Guid.CreateVersion7(), ProvisionId = cpId, Type = request.Type, Title = request.Title.Trim(), Body = request.Body,
            AuthorId = userId, Pinned = request.Type == PostTypes.Notice && request.Pinned, CreatedAt = now, UpdatedAt = now,
        };
        db.Posts.Add(post);
        db.PublishOnSave<object>(request.Type == PostTypes.Notice
            ? new NoticePosted(post.Id, cpId, post.Title, userId, now)
            : new QuestionPosted(post.Id, cpId, post.Title, userId, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/board/v1/posts/{post.Id}", PostResponse.From(post, await NameOfAsync(db, userId, cancellationToken)));
    }

    internal static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, BoardDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (post is null || await BoardAccess.RoleAsync(db, post.ProvisionId, userId, KoreaTime.Today(clock), cancellationToken) == BoardRole.None)
        {
            return PostNotFound();
        }

        // One view per person: the insert is ignored when this person has viewed it before, concurrent reads included.
        if (!await db.PostViews.AnyAsync(v => v.PostId == id && v.UserId == userId, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await PostLock.TakeAsync(db, id, cancellationToken))
            {
                return PostNotFound();
            }

            var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT IGNORE INTO post_views (post_id, user_id, viewed_at) VALUES ({id.ToString()}, {userId.ToString()}, {clock.GetUtcNow().UtcDateTime})",
                cancellationToken);
            if (inserted == 1)
            {
                await db.Posts.Where(p => p.Id == id).ExecuteUpdateAsync(p => p.SetProperty(x => x.ViewCount, x => x.ViewCount + 1), cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }

        // Deleted meanwhile: gone, not an error.
        post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return post is null ? PostNotFound() : TypedResults.Ok(PostResponse.From(post, await NameOfAsync(db, post.AuthorId, cancellationToken)));
    }

    internal static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, PostUpdate request, ClaimsPrincipal caller, BoardDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (post is null || await BoardAccess.RoleAsync(db, post.ProvisionId, userId, KoreaTime.Today(clock), cancellationToken) == BoardRole.None)
        {
            return PostNotFound();
        }

        if (post.AuthorId != userId)
        {
            return Forbidden("Only the author edits a post.");
        }

        post.Title = request.Title.Trim();
        post.Body = request.Body;
        if (post.Type == PostTypes.Notice && request.Pinned is { } pinned)
        {
            post.Pinned = pinned;
        }
        post.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PostResponse.From(post, await NameOfAsync(db, post.AuthorId, cancellationToken)));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal caller, BoardDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        var role = post is null ? BoardRole.None : await BoardAccess.RoleAsync(db, post.ProvisionId, userId, KoreaTime.Today(clock), cancellationToken);
        if (post is null || role == BoardRole.None)
        {
            return PostNotFound();
        }

        if (post.AuthorId != userId && role != BoardRole.Manager)
        {
            return Forbidden("Only the author or a manager of the institution deletes a post.");
        }

        // Comments and views go with it in the same statement (foreign keys cascade).
        await db.Posts.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static IQueryable<PostListItem> ToItems(BoardDbContext db, IQueryable<Post> posts) =>
        from post in posts
        join user in db.Users.AsNoTracking() on post.AuthorId equals user.Id into users
        from user in users.DefaultIfEmpty()
        select new PostListItem(post.Id, post.ProvisionId, post.Type, post.Title, post.AuthorId, user == null ? null : user.Name,
            post.ViewCount, post.CommentCount, post.Type == PostTypes.Question && post.ManagerCommentCount > 0, post.Pinned, post.CreatedAt);

    internal static Task<string?> NameOfAsync(BoardDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId).Select(u => (string?)u.Name).SingleOrDefaultAsync(cancellationToken);

    internal static ProblemHttpResult BoardNotFound() => Problems.NotFound("The class board does not exist.");

    internal static ProblemHttpResult PostNotFound() => Problems.NotFound("The post does not exist.");

    internal static ProblemHttpResult Forbidden(string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title, type: Problems.TypeBase + "board-forbidden");
}
