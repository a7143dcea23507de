using System.ComponentModel.DataAnnotations;

namespace Lms.Board.Posts;

public sealed record PostRequest(
    [property: Required, AllowedValues(PostTypes.Notice, PostTypes.Question)] string Type,
    [property: Required, MaxLength(200)] string Title,
    [property: Required, MaxLength(20_000)] string Body,
    bool Pinned = false);

public sealed record PostUpdate(
    [property: Required, MaxLength(200)] string Title,
    [property: Required, MaxLength(20_000)] string Body,
    bool? Pinned = null);

public sealed record CommentRequest([property: Required, MaxLength(5_000)] string Body);

public sealed record PostQuery(
    [property: AllowedValues(null, PostTypes.Notice, PostTypes.Question)] string? Type = null,
    [property: MaxLength(100)] string? Q = null,
    [property: Range(1, 100_000)] int Page = 1,
    [property: Range(1, 100)] int Size = 20);

public sealed record PageQuery(
    [property: Range(1, 100_000)] int Page = 1,
    [property: Range(1, 100)] int Size = 20);

/// <summary>A post as shown: <c>body</c> exactly as written, <c>bodyHtml</c> rendered so nothing in it can run.</summary>
public sealed record PostResponse(
    Guid Id, Guid ProvisionId, string Type, string Title, string Body, string BodyHtml, Guid AuthorId, string? AuthorName,
    int ViewCount, int CommentCount, bool Answered, bool Pinned, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static PostResponse From(Post p, string? authorName) => new(p.Id, p.ProvisionId, p.Type, p.Title, p.Body, SafeMarkdown.ToHtml(p.Body),
        p.AuthorId, authorName, p.ViewCount, p.CommentCount, p.Answered, p.Pinned, p.CreatedAt, p.UpdatedAt);
}

public sealed record PostListItem(
    Guid Id, Guid ProvisionId, string Type, string Title, Guid AuthorId, string? AuthorName, int ViewCount, int CommentCount,
    bool Answered, bool Pinned, DateTimeOffset CreatedAt);

public sealed record CommentResponse(
    Guid Id, Guid PostId, string Body, string BodyHtml, Guid AuthorId, string? AuthorName, bool ByManager, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CommentResponse From(Comment c, string? authorName) =>
        new(c.Id, c.PostId, c.Body, SafeMarkdown.ToHtml(c.Body), c.AuthorId, authorName, c.ByManager, c.CreatedAt, c.UpdatedAt);
}
