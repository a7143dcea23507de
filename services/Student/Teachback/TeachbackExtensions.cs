using Lms.Student.Teachback.Processing;
using Lms.Student.Teachback.Ranking;
using Lms.Student.Teachback.Scoring;
using Lms.Student.Teachback.Submissions;
using Lms.Student.Teachback.Topics;
using Lms.Student.Teachback.Transcription;
using MassTransit;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Lms.Student.Teachback;

public static class TeachbackExtensions
{
    /// <summary>
    /// Options, the transcriber and scorer chosen by <c>Teachback:Transcriber</c> / <c>Teachback:Scorer</c> (offline by
    /// default), the AI HttpClient with its own resilience pipeline, the processor and the sweeper.
    /// </summary>
    public static WebApplicationBuilder AddTeachback(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TeachbackOptions>().BindConfiguration(TeachbackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TeachbackStorageOptions>().BindConfiguration("Storage");
        var options = builder.Configuration.GetSection(TeachbackOptions.Section).Get<TeachbackOptions>() ?? new TeachbackOptions();

        services.AddTeachbackProviders(options);
        services.AddSingleton<TeachbackAudioStore>();
        services.AddScoped<TeachbackProcessor>();
        services.AddSingleton<TeachbackMetrics>();
        services.AddSingleton<TeachbackSweeper>();
        services.AddHostedService(s => s.GetRequiredService<TeachbackSweeper>());
        return builder;
    }

    /// <summary>The providers alone, so tests can build them against their own OpenAI-compatible server.</summary>
    public static IServiceCollection AddTeachbackProviders(this IServiceCollection services, TeachbackOptions options)
    {
        var provider = options.OpenAi;
        // The service defaults give every HttpClient the standard pipeline; this one gets its own numbers from configuration.
#pragma warning disable EXTEXP0001
        services.AddHttpClient(OpenAiClientFactory.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllResilienceHandlers()
#pragma warning restore EXTEXP0001
            .AddResilienceHandler("teachback-ai", pipeline => pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(provider.MaxRetries, 0),
                    Delay = provider.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                })
                .AddTimeout(provider.AttemptTimeout));
        services.AddSingleton<OpenAiClientFactory>();

        if (string.Equals(options.Transcriber, ProviderKinds.OpenAi, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<ITranscriber, OpenAiTranscriber>();
        }
        else
        {
            services.AddSingleton<ITranscriber, NoTranscriber>();
        }

        if (string.Equals(options.Scorer, ProviderKinds.OpenAi, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IScorer, OpenAiScorer>();
        }
        else
        {
            services.AddSingleton<IScorer, RubricScorer>();
        }
        return services;
    }

    public static IBusRegistrationConfigurator AddTeachbackConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<TeachbackTopicChangedConsumer>();
        bus.AddConsumer<TeachbackAudioReadyConsumer>();
        bus.AddConsumer<TeachbackRequestedConsumer, TeachbackRequestedConsumerDefinition>();
        bus.AddConsumer<ColleagueJoinedConsumer>();
        bus.AddConsumer<ColleagueRoleChangedConsumer>();
        bus.AddConsumer<ColleagueLeftConsumer>();
        return bus;
    }

    public static RouteGroupBuilder MapTeachbackServiceEndpoints(this RouteGroupBuilder api) => api
        .MapTeachbackTopicEndpoints()
        .MapTeachbackEndpoints();
}
