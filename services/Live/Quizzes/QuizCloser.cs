using Lms.Live.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Quizzes;

/// <summary>
/// Closes open quizzes whose time is up, every second. Answers after the limit are refused by the clock anyway; this
/// makes the reveal come on time without a manager. Any instance may close a quiz; the row version lets one win.
/// </summary>
public sealed partial class QuizCloser(IServiceScopeFactory scopes, TimeProvider clock, ILogger<QuizCloser> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CloseDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or MySqlConnector.MySqlException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    private async Task CloseDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiveDbContext>();
        var room = scope.ServiceProvider.GetRequiredService<QuizRoom>();
        var now = clock.GetUtcNow();
        var due = await db.Quizzes.Where(q => q.State == QuizStates.Open && q.EndsAt <= now).Take(50).ToListAsync(cancellationToken);
        foreach (var quiz in due)
        {
            await room.CloseAsync(quiz, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing due quizzes failed; trying again in a second")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
