using Lms.Contracts.Identity;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lms.ServiceDefaults.Users;

/// <summary>Adds a newly registered person to the service's user projection.</summary>
public sealed class UserRegisteredConsumer<TContext>(TContext db, TimeProvider clock, ILogger<UserRegisteredConsumer<TContext>> logger)
    : InboxConsumer<UserRegistered, TContext>(db, clock, logger)
    where TContext : DbContext, IOutboxDbContext, IUserDirectory
{
    protected override async Task HandleAsync(UserRegistered message, CancellationToken cancellationToken)
    {
        var user = await UserProjection.FindOrAddAsync(Db, message.UserId, cancellationToken);
        user.RegisteredAt = message.RegisteredAt;
        UserProjection.ApplyIfNewer(user, message.Email, message.Username, message.Name, message.RegisteredAt);
    }
}
