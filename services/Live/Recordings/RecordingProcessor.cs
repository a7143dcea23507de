using Lms.Contracts.Live;
using Lms.Live.Data;
using Lms.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lms.Live.Recordings;

/// <summary>
/// Remuxes and stores the recordings nginx finished, on every instance: woken by the <c>on_record_done</c> callback and
/// every <see cref="RecordingOptions.PollInterval"/> (so a recording whose instance died is picked up by another once its
/// lease runs out). A recording is claimed with a lease in one conditional update, so two instances never take the same.
/// The MP4 goes to the content bucket and <see cref="LiveRecordingAvailable"/> out through the outbox in the same save
/// that marks it stored. A failure (ffmpeg, a missing file, the store) marks it FAILED and is logged; nothing crashes.
/// </summary>
public sealed partial class RecordingProcessor(
    IServiceScopeFactory scopes, Remuxer remuxer, RecordingStore store, IOptions<RecordingOptions> options, TimeProvider clock,
    ILogger<RecordingProcessor> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>A recording arrived: look now rather than at the next poll.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or MySqlConnector.MySqlException)
            {
                LogSweepFailed(logger, ex);
            }

            try
            {
                await _wake.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims and processes one recording; false when none is waiting.</summary>
    internal async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiveDbContext>();
        var now = clock.GetUtcNow();
        var candidates = await db.Recordings.AsNoTracking()
            .Where(r => r.State == RecordingStates.Processing && r.ObjectKey == null && (r.LeaseUntil == null || r.LeaseUntil < now))
            .OrderBy(r => r.CreatedAt).Select(r => r.SessionId).Take(5).ToListAsync(cancellationToken);
        foreach (var sessionId in candidates)
        {
            var lease = now + options.Value.RemuxTimeout + TimeSpan.FromMinutes(5);
            var claimed = await db.Recordings
                .Where(r => r.SessionId == sessionId && r.State == RecordingStates.Processing && r.ObjectKey == null && (r.LeaseUntil == null || r.LeaseUntil < now))
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.LeaseUntil, lease), cancellationToken);
            if (claimed == 1)
            {
                await ProcessAsync(db, sessionId, cancellationToken);
                return true;
            }
        }
        return false;
    }

    private async Task ProcessAsync(LiveDbContext db, Guid sessionId, CancellationToken cancellationToken)
    {
        var recording = await db.Recordings.SingleAsync(r => r.SessionId == sessionId, cancellationToken);
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, cancellationToken);
        var source = recording.SourcePath;
        var target = Path.ChangeExtension(source, ".mp4");
        string? failure = File.Exists(source) ? await remuxer.RemuxAsync(source, target, options.Value.RemuxTimeout, cancellationToken)
            : "The recorded file is missing.";
        if (failure is null)
        {
            var key = RecordingStore.KeyFor(sessionId, recording.FileId);
            try
            {
                await store.PutAsync(key, target, cancellationToken);
                var bytes = new FileInfo(target).Length;
                var now = clock.GetUtcNow();
                recording.Stored(key, bytes, now);
                db.PublishOnSave(new LiveRecordingAvailable(recording.FileId, session.Id, session.InstitutionId, session.ProvisionId, session.CreatedBy,
                    session.Title, key, bytes, "video/mp4", session.EndedAt ?? now));
                await db.SaveChangesAsync(cancellationToken);
                LogStored(logger, sessionId, key, bytes);
                // The bucket has it now; the local copies would only fill the disk.
                TryDelete(source);
                TryDelete(target);
                return;
            }
            catch (Amazon.Runtime.AmazonServiceException ex)
            {
                failure = $"The recording could not be stored: {ex.Message}";
            }
            catch (HttpRequestException ex)
            {
                failure = $"The store did not answer: {ex.Message}";
            }
        }

        // The FLV is kept for an operator to look at (the log names it); the half-written MP4 is not.
        TryDelete(target);
        recording.Fail(failure, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        LogFailed(logger, sessionId, source, failure);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left behind; harmless, and the next start of nginx's directory clean-up is an operator's business.
        }
        catch (UnauthorizedAccessException)
        {
            // As above: the recording itself is safe in the bucket.
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The recording of session {SessionId} is stored as {ObjectKey} ({Bytes} bytes)")]
    private static partial void LogStored(ILogger logger, Guid sessionId, string objectKey, long bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "The recording of session {SessionId} ({Source}) failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid sessionId, string source, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for recordings to process failed; trying again at the next poll")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
