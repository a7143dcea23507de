using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Users;
using Microsoft.EntityFrameworkCore;

namespace Lms.ServiceDefaults.Tests.Support;

/// <summary>A service context as any service declares one, plus a table that records each handled effect.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : ServiceDbContext(options), IUserDirectory
{
    public DbSet<UserSummary> Users => Set<UserSummary>();

    public DbSet<Effect> Effects => Set<Effect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Effect>().ToTable("effects").HasKey(e => e.Id);
    }
}

public sealed class Effect
{
    public long Id { get; set; }

    public Guid Key { get; set; }

    public string Note { get; set; } = string.Empty;
}

/// <summary>A test event; message types must live in a namespace for RabbitMQ and MassTransit.</summary>
public sealed record Ping(Guid Key, string Note);
