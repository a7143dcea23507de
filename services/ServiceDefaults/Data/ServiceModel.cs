using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.ServiceDefaults.Messaging.Outbox;
using Lms.ServiceDefaults.Users;
using Microsoft.EntityFrameworkCore;

namespace Lms.ServiceDefaults.Data;

/// <summary>What every service schema has in common, applied from a context's model-building overrides.</summary>
public static class ServiceModel
{
    /// <summary>utf8mb4, the outbox, outbox dead-letter and inbox tables, and the user projection when the context keeps one.</summary>
    public static void ApplyServiceModel(this ModelBuilder modelBuilder, IOutboxDbContext context)
    {
        modelBuilder.HasCharSet("utf8mb4");
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxDeadLetterConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        if (context is IUserDirectory)
        {
            modelBuilder.ApplyConfiguration(new UserSummaryConfiguration());
        }
    }

    /// <summary>Tables, columns, keys and indexes in snake_case.</summary>
    public static void ApplyServiceConventions(this ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Conventions.Add(_ => new SnakeCaseNamingConvention());

    /// <summary>
    /// Stores <paramref name="message"/> in the outbox; it is written by the next <c>SaveChangesAsync</c>,
    /// atomically with the other changes, and published by the relay once committed.
    /// </summary>
    public static void PublishOnSave<TMessage>(this IOutboxDbContext db, TMessage message) where TMessage : class =>
        db.OutboxMessages.Add(OutboxMessage.Create(message, Guid.CreateVersion7()));
}
