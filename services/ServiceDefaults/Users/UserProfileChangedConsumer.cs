using Lms.Contracts.Identity;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lms.ServiceDefaults.Users;

/// <summary>Keeps the newest name and email of a person in the service's user projection.</summary>
public sealed class UserProfileChangedConsumer<TContext>(TContext db, TimeProvider clock, ILogger<UserProfileChangedConsumer<TContext>> logger)
    : InboxConsumer<UserProfileChanged, TContext>(db, clock, logger)
    where TContext : DbContext, IOutboxDbContext, IUserDirectory
{
    protected override async Task HandleAsync(UserProfileChanged message, CancellationToken cancellationToken)
    {
        var user = await UserProjection.FindOrAddAsync(Db, message.UserId, cancellationToken);
        UserProjection.ApplyIfNewer(user, message.Email, message.Username, message.Name, message.ChangedAt);
    }
}
