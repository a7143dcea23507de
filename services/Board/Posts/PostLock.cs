using Lms.Board.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Board.Posts;

/// <summary>
/// Locks a post's row for the rest of the transaction before its counters change. Taking this lock first,
/// ahead of the view or comment row (whose foreign key check would otherwise take a shared lock on the post
/// first), serialises concurrent readers and commenters instead of deadlocking them.
/// </summary>
public static class PostLock
{
    public static async Task<bool> TakeAsync(BoardDbContext db, Guid postId, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<Guid>($"SELECT id AS `Value` FROM posts WHERE id = {postId.ToString()} FOR UPDATE")
            .AnyAsync(cancellationToken);
}
