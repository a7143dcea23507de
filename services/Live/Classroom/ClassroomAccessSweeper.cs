using Lms.Live.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lms.Live.Classroom;

/// <summary>
/// Every <see cref="ClassroomOptions.AccessSweepInterval"/>, closes this instance's classroom connections whose person
/// no longer has access to the session's provision (enrollment cancelled, left or removed from the company, manager
/// removed) or whose sign-in session was revoked. Hub methods check on every call too; this also ends connections that
/// only listen. One query per provision with joined connections, and one for revocations, whatever their number.
/// </summary>
public sealed partial class ClassroomAccessSweeper(
    ClassroomConnections connections, IServiceScopeFactory scopes, IOptions<ClassroomOptions> options, TimeProvider clock,
    ILogger<ClassroomAccessSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.AccessSweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or MySqlConnector.MySqlException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    internal async Task SweepAsync(CancellationToken cancellationToken)
    {
        var all = connections.Snapshot();
        if (all.Count == 0)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiveDbContext>();
        var signIns = all.Select(c => c.SignIn).OfType<Guid>().Distinct().ToList();
        var revoked = (await db.RevokedSessions.Where(r => signIns.Contains(r.SessionId)).Select(r => r.SessionId).ToListAsync(cancellationToken))
            .ToHashSet();
        foreach (var connection in all.Where(c => c.SignIn is { } signIn && revoked.Contains(signIn)))
        {
            LogRevoked(logger, connection.UserId, connection.SessionId);
            connections.Close(connection);
        }
        foreach (var provision in all.Where(c => c.SignIn is not { } signIn || !revoked.Contains(signIn)).GroupBy(c => c.ProvisionId))
        {
            var users = provision.Select(c => c.UserId).Distinct().ToList();
            var allowed = await Access.LiveAccess.WhoMayJoinAsync(db, provision.Key, users, cancellationToken);
            foreach (var connection in provision.Where(c => !allowed.Contains(c.UserId)))
            {
                LogClosed(logger, connection.UserId, connection.SessionId);
                connections.Close(connection);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed the classroom connection of {UserId} in session {SessionId}: access ended")]
    private static partial void LogClosed(ILogger logger, Guid userId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed the classroom connection of {UserId} in session {SessionId}: its sign-in was revoked")]
    private static partial void LogRevoked(ILogger logger, Guid userId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking classroom connections' access failed; trying again shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
