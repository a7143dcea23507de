using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lms.Load.Outbox;

/// <summary>A service context as any service declares one (outbox, inbox, snake_case), with one table of notes to write.</summary>
public sealed class OutboxBenchContext(DbContextOptions<OutboxBenchContext> options) : ServiceDbContext(options)
{
    public DbSet<BenchNote> Notes => Set<BenchNote>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<BenchNote>(note =>
        {
            note.ToTable("bench_notes");
            note.Property(n => n.Text).HasMaxLength(200);
        });
    }
}

/// <summary>The state change the bench writes: about the size of a board post's row.</summary>
public sealed class BenchNote
{
    public Guid Id { get; init; }

    public string Text { get; init; } = string.Empty;

    public DateTimeOffset WrittenAt { get; init; }
}

/// <summary>The event written with a note; <paramref name="WrittenAt"/> is the writer's clock just before the commit.</summary>
public sealed record BenchNoted(Guid NoteId, DateTimeOffset WrittenAt);

/// <summary>Consumes through the real inbox (its row and transaction) and records how long after the write each event arrived.</summary>
public sealed class BenchNotedConsumer(OutboxBenchContext db, TimeProvider clock, ILogger<BenchNotedConsumer> logger)
    : InboxConsumer<BenchNoted, OutboxBenchContext>(db, clock, logger)
{
    public static readonly System.Collections.Concurrent.ConcurrentQueue<double> LatenciesMs = new();

    protected override Task HandleAsync(BenchNoted message, CancellationToken cancellationToken)
    {
        LatenciesMs.Enqueue((Clock.GetUtcNow() - message.WrittenAt).TotalMilliseconds);
        return Task.CompletedTask;
    }
}
