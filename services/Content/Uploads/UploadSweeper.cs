using Lms.Content.Data;
using Lms.Content.Storage;
using Lms.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Content.Uploads;

/// <summary>
/// Aborts uploads left open past <c>Uploads:AbandonAfter</c> (default 24 h) so their parts stop costing storage.
/// Idempotent (aborting an aborted upload is fine), one instance at a time (a database lock), every
/// <c>Uploads:SweepInterval</c> (default an hour).
/// </summary>
public sealed partial class UploadSweeper(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<UploadSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        using var timer = new PeriodicTimer(configuration.GetValue("Uploads:SweepInterval", TimeSpan.FromHours(1)), clock);
        do
        {
            try
            {
                var swept = await SweepAsync(stoppingToken);
                if (swept > 0)
                {
                    LogSwept(logger, swept);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; returns how many uploads it aborted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var storage = scope.ServiceProvider.GetRequiredService<ObjectStorage>();
        await using var held = await DatabaseLock.TryAcquireAsync(db, "upload-sweeper", TimeSpan.FromSeconds(10), cancellationToken);
        if (held is null)
        {
            return 0;
        }

        var cutoff = clock.GetUtcNow() - configuration.GetValue("Uploads:AbandonAfter", TimeSpan.FromHours(24));
        var stale = await db.Uploads.Where(u => u.State == UploadStates.Open && u.CreatedAt < cutoff).Take(200).ToListAsync(cancellationToken);
        foreach (var upload in stale)
        {
            if (upload.MultipartUploadId is { } multipart)
            {
                await storage.AbortMultipartAsync(upload.StorageKey, multipart, cancellationToken);
            }
            upload.Abort();
        }

        await db.SaveChangesAsync(cancellationToken);
        return stale.Count;
    }

    [LoggerMessage(LogLevel.Information, "Aborted {Count} abandoned upload(s)")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(LogLevel.Error, "Sweeping abandoned uploads failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
