using Lms.ServiceDefaults.Messaging.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Lms.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    // MassTransit's ActivitySource and Meter; MySqlConnector's ActivitySource covers EF Core's SQL as well.
    private const string MassTransitSource = "MassTransit";
    private const string MySqlConnectorSource = "MySqlConnector";

    // The platform's own meters (Lms.Outbox, Lms.Identity, Lms.Live, Lms.Student, Lms.Content: docs/OPERATIONS.md), and
    // ASP.NET Core's SignalR meter, whose signalr.server.active_connections counts the classroom's connections.
    private const string PlatformMeters = "Lms.*";
    private const string SignalRMeter = "Microsoft.AspNetCore.Http.Connections";

    /// <summary>
    /// Traces, metrics and logs with the service name and version as resource attributes: over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the local viewer, or the task's collector in AWS). Logs always go to the
    /// console logger at their configured levels too; spans and metrics are written to the console only when
    /// <c>Telemetry:ConsoleExporter</c> is true: writing every span cost a measured 6.6 MB of log per second under load
    /// on one service.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder, ServiceInfo service)
    {
        var useOtlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(service.Name, serviceVersion: service.Version))
            .WithTracing(tracing => tracing
                .AddSource(MassTransitSource, MySqlConnectorSource, OutboxDiagnostics.SourceName)
                .AddAspNetCoreInstrumentation(options =>
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(MassTransitSource, MySqlConnectorSource, PlatformMeters, SignalRMeter)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        if (builder.Configuration.GetValue("Telemetry:ExponentialHistograms", defaultValue: false))
        {
            // CloudWatch computes percentiles (the p99 latency alarms) from a distribution of values, which the collector
            // makes out of exponential histograms; explicit buckets would reach it as min, max, sum and count only.
            otel.WithMetrics(metrics => metrics.AddView(instrument =>
                instrument.GetType().IsGenericType && instrument.GetType().GetGenericTypeDefinition() == typeof(System.Diagnostics.Metrics.Histogram<>)
                    ? new Base2ExponentialBucketHistogramConfiguration()
                    : null));
        }

        if (useOtlp)
        {
            otel.UseOtlpExporter();
        }

        // Besides OTLP, not instead: ./lms runs every service with the viewer and still lets LMS_CONSOLE_SPANS=1 log spans.
        if (builder.Configuration.GetValue("Telemetry:ConsoleExporter", defaultValue: false))
        {
            otel.WithTracing(tracing => tracing.AddConsoleExporter());
            otel.WithMetrics(metrics => metrics.AddConsoleExporter((_, reader) =>
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 300_000));
        }

        return builder;
    }
}
