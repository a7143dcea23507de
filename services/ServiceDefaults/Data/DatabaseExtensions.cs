using Lms.ServiceDefaults.Health;
using Lms.ServiceDefaults.Messaging.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Lms.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>MariaDB 10.11 locally; RDS for MySQL sets <c>Database:ServerVersion</c> (e.g. <c>8.0.40-mysql</c>).</summary>
    public const string DefaultServerVersion = "10.11.0-mariadb";

    /// <summary>
    /// The service's own database (connection string <c>Database</c>), its readiness check, migrations at
    /// start-up in Development (or when <c>Database:MigrateAtStartup</c> is true), and the outbox relay.
    /// The context is pooled: every request and consumer takes one, and building a context afresh (its services, its
    /// change tracker) was a fixed cost on each (the catalog benchmark's EF-against-raw figures). A pooled context
    /// keeps no state of its own between uses, and its options are fixed here: <paramref name="configure"/> adds what a
    /// service's context needs beyond them (interceptors), since <c>OnConfiguring</c> may not change pooled options.
    /// </summary>
    public static WebApplicationBuilder AddServiceDatabase<TContext>(this WebApplicationBuilder builder, Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext, IOutboxDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString("Database")
            ?? throw new InvalidOperationException("Configuration value 'ConnectionStrings:Database' is missing.");
        var serverVersion = ServerVersion.Parse(builder.Configuration["Database:ServerVersion"] ?? DefaultServerVersion);

        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxSignalInterceptor>();
        builder.Services.AddDbContextPool<TContext>((services, options) =>
        {
            options.UseMySql(connectionString, serverVersion, mysql => mysql.MigrationsHistoryTable("ef_migrations_history"))
                .AddInterceptors(services.GetRequiredService<OutboxSignalInterceptor>());
            configure?.Invoke(options);
        });

        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck<TContext>>("database", tags: [HealthExtensions.ReadyTag])
            .AddCheck<OutboxDeadLetterHealthCheck<TContext>>("outbox", tags: [HealthExtensions.ReadyTag]);

        var migrate = builder.Configuration.GetValue<bool?>("Database:MigrateAtStartup") ?? builder.Environment.IsDevelopment();
        if (migrate)
        {
            // Registered before the bus and the relay so both start against an up-to-date schema.
            builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        }

        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        builder.Services.TryAddSingleton<OutboxMetrics>();
        builder.Services.TryAddSingleton<OutboxBacklogGauges>();
        builder.Services.AddSingleton<OutboxBacklogMonitor<TContext>>();
        builder.Services.AddSingleton<IOutboxBacklogMeter>(services => services.GetRequiredService<OutboxBacklogMonitor<TContext>>());
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxBacklogMonitor<TContext>>());
        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();
        return builder;
    }
}
