using Lms.Contracts.Identity;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging.Inbox;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;

namespace Lms.ServiceDefaults.Users;

/// <summary>Adds a newly registered person to the service's user projection.</summary>
public sealed class UserRegisteredConsumer<TContext>(TContext db, TimeProvider clock, ILogger<UserRegisteredConsumer<TContext>> logger)
    : InboxConsumer<UserRegistered, TContext>(db, clock, logger)
    where TContext : DbContext, IOutboxDbContext, IUserDirectory
{
    protected override async Task HandleAsync(UserRegistered message, CancellationToken cancellationToken)
    {
        // Upsert: a projection may already hold the user if a later event about them arrived first.
        var user = await Db.Users.FindAsync([message.UserId], cancellationToken);
        if (user is null)
        {
            user = new UserSummary { Id = message.UserId };
            Db.Users.Add(user);
        }

        user.Email = message.Email;
        user.Username = message.Username;
        user.Name = message.Name;
        user.RegisteredAt = message.RegisteredAt;
        user.UpdatedAt = Clock.GetUtcNow();
    }
}
