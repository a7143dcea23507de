using Lms.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lms.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Measures the outbox's backlog every <see cref="OutboxOptions.MeasureInterval"/> for the gauges. It runs apart from the
/// relay on purpose: a relay that hangs or has died is exactly when the pending count and the oldest row's age must
/// keep being reported. Every instance measures (the figures are the database's, so they agree).
/// </summary>
public sealed partial class OutboxBacklogMonitor<TContext>(
    IServiceScopeFactory scopes, OutboxBacklogGauges gauges, IOptions<OutboxOptions> options, TimeProvider clock,
    ILogger<OutboxBacklogMonitor<TContext>> logger) : BackgroundService, IOutboxBacklogMeter
    where TContext : DbContext, IOutboxDbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await MeasureAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is away: the last figures stand (and the age keeps growing), readiness says the rest.
                LogMeasureFailed(logger, ex);
            }

            await Task.Delay(options.Value.MeasureInterval, clock, stoppingToken);
        }
    }

    public async Task<OutboxBacklog> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var backlog = await OutboxBacklog.MeasureAsync(scope.ServiceProvider.GetRequiredService<TContext>(), clock, cancellationToken);
        gauges.Record(backlog);
        return backlog;
    }

    [LoggerMessage(LogLevel.Warning, "Measuring the outbox backlog failed; the gauges keep the last figures")]
    private static partial void LogMeasureFailed(ILogger logger, Exception exception);
}
