using Lms.Company.Data;
using Lms.Contracts.Provisions;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;

namespace Lms.Company.Provisions;

/// <summary>
/// Moves registered provisions to IN_PROGRESS and FINISHED as their dates come and go. It runs at start-up and
/// then every <c>Provisions:CatchUpInterval</c> (default 5 minutes), is idempotent (a provision already moved
/// is not moved again), computes from the dates so a missed run catches up, and runs in one instance at a time
/// (a database lock).
/// </summary>
public sealed partial class ProvisionCatchUp(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<ProvisionCatchUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var interval = configuration.GetValue("Provisions:CatchUpInterval", TimeSpan.FromMinutes(5));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                var moved = await RunOnceAsync(stoppingToken);
                if (moved > 0)
                {
                    LogMoved(logger, moved);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; returns how many provisions moved (0 when another instance kept the lock throughout).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompanyDbContext>();
        // Wait briefly: another instance's pass is short, and this pass should not be skipped for it.
        await using var held = await DatabaseLock.TryAcquireAsync(db, "provision-catch-up", TimeSpan.FromSeconds(10), cancellationToken);
        if (held is null)
        {
            return 0;
        }

        var today = KoreaTime.Today(clock);
        var due = await db.Provisions
            .Where(p => (p.State == ProvisionStates.Registered && p.BeginDate <= today) ||
                        (p.State == ProvisionStates.InProgress && p.EndDate < today))
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var provision in due)
        {
            if (provision.CatchUp(today, clock.GetUtcNow()))
            {
                db.PublishOnSave(provision.ToEvent());
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    [LoggerMessage(LogLevel.Information, "Date catch-up moved {Count} course provision(s)")]
    private static partial void LogMoved(ILogger logger, int count);

    [LoggerMessage(LogLevel.Error, "Date catch-up of course provisions failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
