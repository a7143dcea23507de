using System.Security.Authentication;
using Lms.ServiceDefaults.Messaging.Outbox;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.ServiceDefaults.Messaging;

public static class BusExtensions
{
    /// <summary>
    /// MassTransit with the transport chosen by <c>Messaging:Transport</c>, queues named
    /// <c>{service}-{consumer}</c> in kebab case, retries on every endpoint, and faulted messages moved to
    /// the queue's <c>_error</c> queue with their exception. Events leave only through the outbox relay.
    /// </summary>
    public static WebApplicationBuilder AddServiceBus(
        this WebApplicationBuilder builder,
        Action<IBusRegistrationConfigurator, ServiceInfo>? configureConsumers = null)
    {
        var service = builder.Services.GetServiceInfo();
        var messaging = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();

        builder.Services.AddSingleton<IOutboxPublisher, MassTransitOutboxPublisher>();
        builder.Services.AddSingleton<ConsumerFaults>();
        builder.Services.AddReceiveObserver<ConsumerFaultObserver>();
        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit otherwise reports usage to its vendor over the internet: a service has no business calling out.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(service.Name, includeNamespace: false));
            configureConsumers?.Invoke(bus, service);
            bus.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseConsumerRetries());

            switch (messaging.Transport)
            {
                case BusTransport.InMemory:
                    bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
                    break;
                default:
                    var rabbit = messaging.RabbitMq;
                    bus.UsingRabbitMq((context, cfg) =>
                    {
                        cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, host =>
                        {
                            host.Username(rabbit.Username);
                            host.Password(rabbit.Password);
                            if (rabbit.UseSsl)
                            {
                                host.UseSsl(ssl => ssl.Protocol = SslProtocols.Tls12 | SslProtocols.Tls13);
                            }
                        });
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
            }
        });
        return builder;
    }

    /// <summary>
    /// One policy with two phases: quick attempts for a deadlock or a lost race on the inbox key (a short pause lets the
    /// other transaction finish), then spaced attempts for a database or dependency that is briefly away (a restart
    /// takes seconds). It is one policy because MassTransit does not nest two message-retry filters: the outer one never
    /// retried after the inner gave up, so deliveries went to <c>_error</c> after four quick attempts (pinned by
    /// <c>Retrying_a_consumer</c>). The RabbitMQ delayed-exchange plugin that MassTransit's scheduled redelivery needs
    /// exists neither in Debian's RabbitMQ nor in Amazon MQ, so the spaced phase holds the message in the consumer; after
    /// it the message goes to <c>_error</c>. A consumer that knows waiting cannot help throws
    /// <see cref="UnprocessableMessageException"/>, which goes there at once.
    /// </summary>
    internal static void UseConsumerRetries(this IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseMessageRetry(retry =>
        {
            retry.Ignore<UnprocessableMessageException>();
            retry.Intervals(ConsumerRetryIntervals);
        });

    internal static readonly TimeSpan[] ConsumerRetryIntervals =
    [
        TimeSpan.Zero, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250),
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30),
    ];

    internal static ServiceInfo GetServiceInfo(this IServiceCollection services) =>
        services.LastOrDefault(d => d.ServiceType == typeof(ServiceInfo))?.ImplementationInstance as ServiceInfo
        ?? throw new InvalidOperationException("Call AddServiceDefaults before AddServiceBus.");
}
