using Lms.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lms.ServiceDefaults.Health;

/// <summary>
/// Degraded while <c>outbox_dead_letters</c> holds rows: the service still works and its other events flow, but some
/// events never left it until an operator looks (<c>./lms dead-letters list SERVICE</c>). Never Unhealthy, so a
/// dead letter does not take the service out of the load balancer; a database that does not answer is the
/// database check's to report.
/// </summary>
internal sealed class OutboxDeadLetterHealthCheck<TContext>(TContext db, ServiceInfo service) : IHealthCheck
    where TContext : DbContext, IOutboxDbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        int count;
        try
        {
            count = await db.OutboxDeadLetters.CountAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Degraded("outbox dead letters could not be counted", ex);
        }

        return count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded(
                $"{count} outbox message(s) dead-lettered; see ./lms dead-letters list {service.Name}",
                data: new Dictionary<string, object> { ["deadLetters"] = count });
    }
}
