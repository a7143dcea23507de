using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lms.ServiceDefaults.Data;

/// <summary>
/// Applies the checked-in migrations before the service starts taking messages or requests. Instances
/// starting together take turns through a named lock.
/// </summary>
internal sealed partial class DatabaseMigrator<TContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigrator<TContext>> logger)
    : IHostedService where TContext : DbContext, IOutboxDbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var held = await DatabaseLock.TryAcquireAsync(db, "migrations", TimeSpan.FromMinutes(2), cancellationToken)
            ?? throw new InvalidOperationException("Another instance held the migration lock for two minutes.");

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            LogApplying(logger, pending.Count, typeof(TContext).Name);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Applying {Count} migration(s) to {Context}")]
    private static partial void LogApplying(ILogger logger, int count, string context);
}
