using Lms.ServiceDefaults.Data;
using Lms.Student.Data;
using Lms.Student.Learning;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Exams;

/// <summary>
/// Grades, as they stand, attempts whose deadline plus a grace period has passed without a submit. Safe to run in
/// every instance at once: <see cref="AttemptGrader"/> grades each attempt exactly once.
/// </summary>
public sealed partial class AutoGrader(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<AutoGrader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Exams:GraderIntervalSeconds", 15));
        var grace = TimeSpan.FromSeconds(configuration.GetValue("Exams:GraceSeconds", 60));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await GradeOverdueAsync(grace, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex, interval);
            }

            await Task.Delay(interval, stoppingToken);
        }
    }

    private async Task GradeOverdueAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var now = services.GetRequiredKeyedService<TimeProvider>(LearningClock.Key).GetUtcNow();
        var overdue = await services.GetRequiredService<StudentDbContext>().Attempts.AsNoTracking()
            .Where(a => a.State == AttemptStates.InProgress && a.Deadline < now - grace)
            .OrderBy(a => a.Deadline).Select(a => a.Id).Take(200)
            .ToListAsync(cancellationToken);
        foreach (var attemptId in overdue)
        {
            await using var attemptScope = scopes.CreateAsyncScope();
            try
            {
                var attempt = await attemptScope.ServiceProvider.GetRequiredService<AttemptGrader>().GradeAsync(attemptId, automatically: true, cancellationToken);
                LogGraded(attempt.Id, attempt.Score);
            }
            catch (Exception ex) when (LostRace.Is(ex))
            {
                // The learner kept changing their progress meanwhile; the next round grades it. The others go on.
                LogCollided(ex, attemptId);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Attempt {AttemptId} graded after its deadline: {Score}")]
    private partial void LogGraded(Guid attemptId, decimal? score);

    [LoggerMessage(LogLevel.Information, "Attempt {AttemptId} collided with other changes of its learner; grading it next round")]
    private partial void LogCollided(Exception exception, Guid attemptId);

    [LoggerMessage(LogLevel.Warning, "Auto-grading failed; trying again in {Interval}")]
    private partial void LogFailed(Exception exception, TimeSpan interval);
}
