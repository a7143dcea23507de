using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.ServiceDefaults.Messaging.Outbox;
using Lms.ServiceDefaults.Users;
using Microsoft.EntityFrameworkCore;

namespace Lms.ServiceDefaults.Data;

/// <summary>
/// The base of every service's DbContext: it carries the outbox and inbox tables, so an event is stored in
/// the same transaction as the state change that caused it, and names everything in snake_case.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>
    /// Stores <paramref name="message"/> in the outbox; it is written by the next <c>SaveChangesAsync</c>,
    /// atomically with the other changes, and published by the dispatcher once committed.
    /// </summary>
    public void PublishOnSave<TMessage>(TMessage message) where TMessage : class =>
        OutboxMessages.Add(OutboxMessage.Create(message, Guid.CreateVersion7()));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasCharSet("utf8mb4");
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        if (this is IUserDirectory)
        {
            modelBuilder.ApplyConfiguration(new UserSummaryConfiguration());
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Conventions.Add(_ => new SnakeCaseNamingConvention());
}
