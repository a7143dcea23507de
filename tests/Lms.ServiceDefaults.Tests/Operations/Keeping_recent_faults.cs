using System.Diagnostics.Metrics;
using Lms.ServiceDefaults.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lms.ServiceDefaults.Tests.Operations;

public sealed class Keeping_recent_faults
{
    [Fact]
    public void Counts_faults_per_consumer_and_forgets_those_older_than_the_window()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-08T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var faults = new ConsumerFaults(clock, services.GetRequiredService<IMeterFactory>());

        faults.Record("EnrollmentConsumer");
        clock.Advance(TimeSpan.FromMinutes(3));
        faults.Record("EnrollmentConsumer");
        faults.Record("UserRegisteredConsumer");

        Assert.Equal(2, faults.Recent()["EnrollmentConsumer"]);
        clock.Advance(ConsumerFaults.Window - TimeSpan.FromMinutes(2));
        Assert.Equal(1, faults.Recent()["EnrollmentConsumer"]);
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Empty(faults.Recent());
    }
}
