using Lms.Contracts.Teachback;
using Lms.ServiceDefaults.Data;
using Lms.Student.Data;
using Lms.Student.Teachback.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lms.Student.Teachback.Processing;

/// <summary>
/// Ends as TIMED_OUT the submissions still PENDING past their deadline, whatever happened to their message (lost to a
/// crash after its retries, stuck in a dead-letter queue), so none stays PENDING for ever. Safe in every instance at
/// once: the row version lets one of them, or the processor, end a submission.
/// </summary>
public sealed partial class TeachbackSweeper(
    IServiceScopeFactory scopes, IOptions<TeachbackOptions> options, TeachbackMetrics metrics, TimeProvider clock, ILogger<TeachbackSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            await Task.Delay(options.Value.SweepInterval, clock, stoppingToken);
        }
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudentDbContext>();
        var now = clock.GetUtcNow();
        var overdue = await db.TeachbackSubmissions
            .Where(s => s.Status == TeachbackStatuses.Pending && s.Deadline <= now)
            .OrderBy(s => s.Deadline).Take(200)
            .ToListAsync(cancellationToken);
        var ended = 0;
        foreach (var submission in overdue)
        {
            if (!submission.TimeOut(now))
            {
                continue;
            }

            db.PublishOnSave(new TeachbackUnscored(submission.Id, submission.UserId, submission.TopicId, submission.CourseId,
                submission.Status, submission.Reason!, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                metrics.Finished(submission);
                ended++;
                LogTimedOut(logger, submission.Id);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The processor ended it at the same moment: its outcome stands. The rest are independent of it.
                db.ChangeTracker.Clear();
            }
        }
        return ended;
    }

    [LoggerMessage(LogLevel.Information, "Teach-back {SubmissionId} timed out while PENDING")]
    private static partial void LogTimedOut(ILogger logger, Guid submissionId);

    [LoggerMessage(LogLevel.Warning, "Sweeping overdue teach-back submissions failed; trying again next round")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
