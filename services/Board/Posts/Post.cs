namespace Lms.Board.Posts;

public static class PostTypes
{
    public const string Notice = "NOTICE";
    public const string Question = "QUESTION";
}

/// <summary>
/// A post on a class's board. The counters are changed only by single SQL increments in the same transaction as
/// the view or comment they count, so they never drift; "answered" is derived from the managers' comments.
/// </summary>
public sealed class Post
{
    public Guid Id { get; set; }

    public Guid ProvisionId { get; set; }

    public string Type { get; set; } = PostTypes.Question;

    public string Title { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public Guid AuthorId { get; set; }

    /// <summary>Notices only: shown before everything else.</summary>
    public bool Pinned { get; set; }

    public int ViewCount { get; set; }

    public int CommentCount { get; set; }

    /// <summary>Comments by managers of the class's institution; a question is answered while this is above 0.</summary>
    public int ManagerCommentCount { get; set; }

    /// <summary>When the asker was told the question was answered; they are told once, however often it flips.</summary>
    public DateTimeOffset? AnswerNotifiedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool Answered => Type == PostTypes.Question && ManagerCommentCount > 0;
}

public sealed class PostView
{
    public Guid PostId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset ViewedAt { get; set; }
}

public sealed class Comment
{
    public Guid Id { get; set; }

    public Guid PostId { get; set; }

    public Guid AuthorId { get; set; }

    public bool ByManager { get; set; }

    public string Body { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
