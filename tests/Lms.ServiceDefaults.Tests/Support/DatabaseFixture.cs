using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging.Outbox;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Lms.ServiceDefaults.Tests.Support;

/// <summary>
/// A fresh schema in the <c>lms_platform_test</c> database of the real MariaDB, and a service provider shaped
/// like a service's (its context, the outbox signal and interceptor, a recording publisher).
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private string _connectionString = string.Empty;

    public ServiceProvider Services { get; private set; } = null!;

    public RecordingPublisher Publisher { get; } = new();

    public async Task InitializeAsync()
    {
        _connectionString = await TestServers.MariaDbAsync("lms_platform_test", "lms_platform");
        var services = new ServiceCollection();
        AddServiceLikeDependencies(services);
        services.AddSingleton<IOutboxPublisher>(Publisher);
        services.AddSingleton<IHostApplicationLifetime, ApplicationLifetime>();
        Services = services.BuildServiceProvider();

        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        await db.Database.EnsureDeletedAsync();
        await db.Database.EnsureCreatedAsync();
    }

    /// <summary>What a service registers around its context: logging, clock, outbox signal, the context itself.</summary>
    public void AddServiceLikeDependencies(IServiceCollection services)
    {
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<OutboxBacklogGauges>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignalInterceptor>();
        services.AddDbContextPool<TestDbContext>((sp, options) => options
            .UseMySql(_connectionString, ServerVersion.Parse(DatabaseExtensions.DefaultServerVersion))
            .AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor>()));
    }

    public TestDbContext NewContext() => Services.CreateScope().ServiceProvider.GetRequiredService<TestDbContext>();

    public OutboxDispatcher<TestDbContext> NewDispatcher(int batchSize = 100, int maxAttempts = 5) => ActivatorUtilities.CreateInstance<OutboxDispatcher<TestDbContext>>(
        Services, Options.Create(new OutboxOptions { BatchSize = batchSize, MaxAttempts = maxAttempts }));

    /// <summary>Starts a test with no pending rows or dead letters left by an earlier test.</summary>
    public async Task ClearOutboxAsync()
    {
        await using var db = NewContext();
        await db.OutboxMessages.ExecuteDeleteAsync();
        await db.OutboxDeadLetters.ExecuteDeleteAsync();
        Publisher.Reset();
    }

    /// <summary>Stores one <see cref="Ping"/> per note through the outbox, as a service's request would.</summary>
    public async Task<Ping[]> StorePingsAsync(params string[] notes)
    {
        var pings = notes.Select(note => new Ping(Guid.NewGuid(), note)).ToArray();
        await using var db = NewContext();
        foreach (var ping in pings)
        {
            db.PublishOnSave(ping);
        }
        await db.SaveChangesAsync();
        return pings;
    }

    /// <summary>What a deploy that renamed the event type leaves behind: a stored row naming a type that no longer exists.</summary>
    public async Task<Guid> RenamePingTypeAsync(Ping ping)
    {
        await using var db = NewContext();
        var row = await db.OutboxMessages.SingleAsync(m => m.Payload.Contains(ping.Key.ToString()));
        await db.OutboxMessages.Where(m => m.Sequence == row.Sequence)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.MessageType, "Lms.ServiceDefaults.Tests.Support.PingBeforeTheRename, Lms.ServiceDefaults.Tests"));
        return row.MessageId;
    }

    public async Task DisposeAsync() => await Services.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DatabaseGroup : ICollectionFixture<DatabaseFixture>
{
    public const string Name = "database";
}
