using System.ClientModel;
using Lms.Student.Teachback.Processing;
using Lms.Student.Teachback.Scoring;
using Microsoft.Extensions.Options;
using OpenAI.Audio;
using Polly.Timeout;

namespace Lms.Student.Teachback.Transcription;

/// <summary>Speech-to-text through <c>POST {base}/audio/transcriptions</c> (OpenAI, or a whisper.cpp server speaking its API).</summary>
public sealed partial class OpenAiTranscriber(OpenAiClientFactory clients, IOptions<TeachbackOptions> options, ILogger<OpenAiTranscriber> logger) : ITranscriber
{
    public async Task<string> TranscribeAsync(Stream audio, string fileName, string language, CancellationToken cancellationToken)
    {
        var client = clients.Create().GetAudioClient(options.Value.OpenAi.TranscriptionModel);
        try
        {
            var result = await client.TranscribeAudioAsync(audio, fileName,
                new AudioTranscriptionOptions { Language = language, ResponseFormat = AudioTranscriptionFormat.Simple }, cancellationToken);
            return result.Value.Text ?? string.Empty;
        }
        catch (Exception ex) when (ProviderErrors.Reason(ex, "transcription", cancellationToken) is { } reason)
        {
            LogFailed(logger, ex, reason);
            throw new ProviderFailureException(reason, ex);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Teach-back transcription failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string reason);
}

/// <summary>A provider's exceptions as reasons a learner can read; null for a cancellation the caller asked for.</summary>
public static class ProviderErrors
{
    public static string? Reason(Exception ex, string step, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        ClientResultException { Status: > 0 } result => $"the {step} provider answered HTTP {result.Status} after retries",
        TimeoutRejectedException or OperationCanceledException or TimeoutException => $"the {step} provider did not answer in time after retries",
        ClientResultException or HttpRequestException or IOException => $"the {step} provider could not be reached after retries",
        _ => null,
    };
}
