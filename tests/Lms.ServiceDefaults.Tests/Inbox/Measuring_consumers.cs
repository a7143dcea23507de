using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Tests.Support;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.ServiceDefaults.Tests.Inbox;

/// <summary>
/// What an operator reads about consumers. Deliveries, failed attempts and retries per consumer are MassTransit's own
/// metrics (meter <c>MassTransit</c>), pinned here so that an upgrade renaming them fails a test instead of an alarm
/// going quiet; the deliveries given up on in the last minutes (<see cref="ConsumerFaults"/>, read by
/// <c>./lms status</c>) are ours, and count a delivery once however many attempts it took.
/// </summary>
[Collection(DatabaseGroup.Name)]
public sealed class Measuring_consumers(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string ConsumerLabel = "messaging.masstransit.consumer_type";
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        ConfigureMassTransitMetricsAgain();
        var services = new ServiceCollection();
        fixture.AddServiceLikeDependencies(services);
        services.AddSingleton<ConsumerFaults>();
        services.AddReceiveObserver<ConsumerFaultObserver>();
        services.AddMassTransitTestHarness(bus =>
        {
            bus.AddConsumer<AppendingConsumer>();
            bus.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseConsumerRetries());
        });
        _provider = services.BuildServiceProvider(validateScopes: true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
    }

    /// <summary>
    /// MassTransit creates its instruments once per process, on the meter factory of the first bus's container; a test
    /// process builds and disposes many containers, and a disposed factory's meter measures nothing. A service has one
    /// container for its life, so this only makes the test's container the first, as the service's is.
    /// </summary>
    private static void ConfigureMassTransitMetricsAgain()
    {
        const System.Reflection.BindingFlags Static = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static;
        var configured = typeof(ITestHarness).Assembly.GetTypes()
            .Where(t => t.Name == "LogContextInstrumentationExtensions").Select(t => t.GetField("_isConfigured", Static)).SingleOrDefault(f => f is not null)
            ?? throw new InvalidOperationException("MassTransit's Instrumentation no longer has _isConfigured: see how it configures its meter now.");
        configured.SetValue(null, false);
    }

    private ConsumerFaults Faults => _provider.GetRequiredService<ConsumerFaults>();

    private async Task<Ping> SeededPingAsync(string note)
    {
        var ping = new Ping(Guid.NewGuid(), note);
        await using var db = fixture.NewContext();
        db.Effects.Add(new Effect { Key = ping.Key, Note = "seed" });
        await db.SaveChangesAsync();
        return ping;
    }

    private static bool OfAppendingConsumer(Measurement m) => m.Tag(ConsumerLabel)?.Contains(nameof(AppendingConsumer), StringComparison.Ordinal) == true;

    [Fact]
    public async Task A_delivery_repaired_by_a_retry_counts_two_attempts_one_failure_one_retry_and_no_fault()
    {
        using var attempts = new MetricRecorder("MassTransit", "messaging.masstransit.consume");
        using var errors = new MetricRecorder("MassTransit", "messaging.masstransit.consume.errors");
        using var retries = new MetricRecorder("MassTransit", "messaging.masstransit.consume.retries");
        using var counted = new MetricRecorder(ConsumerFaults.MeterName, "lms.consumer.faults",
            _provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var ping = await SeededPingAsync("repaired");

        await _harness.Bus.Publish(ping);
        await Eventually.TrueAsync(() => Task.FromResult(attempts.Sum(OfAppendingConsumer) >= 2), TimeSpan.FromSeconds(30), "both attempts were measured");

        Assert.Equal(2, attempts.Sum(OfAppendingConsumer));
        Assert.Equal(1, errors.Sum(OfAppendingConsumer));
        Assert.Equal(1, retries.Sum(OfAppendingConsumer));
        Assert.Empty(Faults.Recent());
        Assert.Empty(counted.Measurements);
    }

    [Fact]
    public async Task A_delivery_given_up_is_one_fault_of_its_consumer_in_the_last_minutes()
    {
        using var counted = new MetricRecorder(ConsumerFaults.MeterName, "lms.consumer.faults",
            _provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var ping = await SeededPingAsync("hopeless");
        AppendingConsumer.Unprocessable[ping.Key] = true;

        await _harness.Bus.Publish(ping);
        Assert.True(await _harness.Published.Any<Fault<Ping>>(f => f.Context.Message.Message.Key == ping.Key));

        await Eventually.TrueAsync(() => Task.FromResult(Faults.Recent().Count > 0), TimeSpan.FromSeconds(10), "the fault was recorded");
        var (consumer, count) = Assert.Single(Faults.Recent());
        Assert.Contains(nameof(AppendingConsumer), consumer, StringComparison.Ordinal);
        Assert.Equal(1, count);
        Assert.Equal(consumer, Assert.Single(counted.Measurements).Tag("lms.consumer"));
    }
}
