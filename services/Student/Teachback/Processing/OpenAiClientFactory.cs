using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.Options;
using OpenAI;

namespace Lms.Student.Teachback.Processing;

/// <summary>
/// Builds OpenAI clients over the <c>teachback-ai</c> HttpClient, whose resilience pipeline (registered in
/// <see cref="TeachbackExtensions"/>) owns the per-attempt timeout and the retries with backoff; the library's own
/// retries are turned off so that one policy, and one set of numbers, decides how long a call may take.
/// </summary>
public sealed class OpenAiClientFactory(IHttpClientFactory http, IOptions<TeachbackOptions> options)
{
    public const string HttpClientName = "teachback-ai";

    private OpenAiProviderOptions Provider => options.Value.OpenAi;

    public OpenAIClient Create()
    {
        var provider = Provider;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(provider.BaseUrl),
            Transport = new HttpClientPipelineTransport(http.CreateClient(HttpClientName)),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TotalBudget(provider),
        };
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrWhiteSpace(provider.ApiKey) ? "none" : provider.ApiKey), clientOptions);
    }

    /// <summary>Every attempt at its timeout plus the backoff between them (doubling, with jitter of up to half again).</summary>
    public static TimeSpan TotalBudget(OpenAiProviderOptions provider)
    {
        var waits = TimeSpan.Zero;
        for (var retry = 0; retry < provider.MaxRetries; retry++)
        {
            waits += provider.RetryDelay * Math.Pow(2, retry) * 1.5;
        }
        return provider.AttemptTimeout * (provider.MaxRetries + 1) + waits + TimeSpan.FromSeconds(5);
    }
}
