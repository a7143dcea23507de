namespace Lms.ServiceDefaults.Users;

/// <summary>
/// The projection's one rule: events about a person may arrive in any order, and the newest wins
/// (<see cref="UserSummary.UpdatedAt"/> is the time of the newest event applied).
/// </summary>
public static class UserProjection
{
    public static async Task<UserSummary> FindOrAddAsync(IUserDirectory db, Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.FindAsync([userId], cancellationToken);
        if (user is null)
        {
            user = new UserSummary { Id = userId, UpdatedAt = DateTimeOffset.MinValue };
            db.Users.Add(user);
        }
        return user;
    }

    public static bool ApplyIfNewer(UserSummary user, string email, string username, string name, DateTimeOffset at)
    {
        if (at <= user.UpdatedAt)
        {
            return false;
        }

        user.Email = email;
        user.Username = username;
        user.Name = name;
        user.UpdatedAt = at;
        return true;
    }
}
