using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Lms.ServiceDefaults.Data;

/// <summary>The usual base of a service's DbContext: outbox (and its dead letters), inbox, snake_case names.</summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options), IOutboxDbContext
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<OutboxDeadLetter> OutboxDeadLetters => Set<OutboxDeadLetter>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyServiceModel(this);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyServiceConventions();
}
