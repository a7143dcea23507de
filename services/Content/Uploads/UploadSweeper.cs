using Lms.Content.Data;
using Lms.Content.Storage;
using Lms.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lms.Content.Uploads;

/// <summary>
/// Aborts uploads left open past their expiry (<c>Uploads:AbandonAfter</c>, default 24 h) and removes what they stored.
/// Idempotent (aborting an aborted upload is fine), one instance at a time (a database lock), every
/// <c>Uploads:SweepInterval</c> (default an hour).
/// </summary>
public sealed partial class UploadSweeper(IServiceScopeFactory scopes, IOptions<UploadOptions> options, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<UploadSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
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

        var now = clock.GetUtcNow();
        var expired = await db.Uploads.Where(u => u.State == UploadStates.Open && u.ExpiresAt <= now)
            .OrderBy(u => u.ExpiresAt).Take(200).ToListAsync(cancellationToken);
        var swept = 0;
        foreach (var upload in expired)
        {
            // One at a time: an upload completed at this moment, or a store that refuses one, holds up nothing else.
            try
            {
                upload.Abort();
                await db.SaveChangesAsync(cancellationToken);
                await storage.ForgetAsync(upload.StorageKey, upload.MultipartUploadId, cancellationToken);
                swept++;
            }
            catch (Exception ex) when (ex is DbUpdateException or Amazon.S3.AmazonS3Exception)
            {
                LogSkipped(logger, ex, upload.Id);
                db.ChangeTracker.Clear();
            }
        }

        return swept;
    }

    [LoggerMessage(LogLevel.Warning, "Could not sweep upload {UploadId}; the next pass tries again")]
    private static partial void LogSkipped(ILogger logger, Exception exception, Guid uploadId);

    [LoggerMessage(LogLevel.Information, "Aborted {Count} abandoned upload(s)")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(LogLevel.Error, "Sweeping abandoned uploads failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
