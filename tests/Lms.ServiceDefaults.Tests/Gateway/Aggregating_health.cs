using Lms.Gateway.Health;

namespace Lms.ServiceDefaults.Tests.Gateway;

/// <summary>The gateway's /health is as healthy as the least healthy service behind it.</summary>
public sealed class Aggregating_health
{
    [Theory]
    [InlineData("Healthy", new[] { "Healthy", "Healthy" })]
    [InlineData("Degraded", new[] { "Healthy", "Degraded" })]
    [InlineData("Unhealthy", new[] { "Degraded", "Unhealthy" })]
    [InlineData("Unhealthy", new[] { "Healthy", "Unreachable" })]
    public void The_worst_service_decides(string expected, string[] services) =>
        Assert.Equal(expected, AggregatedHealth.Overall(services));
}
