namespace Lms.Student.Teachback.Transcription;

/// <summary>Turns a recording into text. Throws <see cref="Scoring.ProviderFailureException"/> with a readable reason when it cannot.</summary>
public interface ITranscriber
{
    Task<string> TranscribeAsync(Stream audio, string fileName, string language, CancellationToken cancellationToken);
}

/// <summary>The offline default: no speech-to-text is available here, so a recording ends FAILED with this reason, never PENDING.</summary>
public sealed class NoTranscriber : ITranscriber
{
    public const string Reason = "no transcriber configured";

    public Task<string> TranscribeAsync(Stream audio, string fileName, string language, CancellationToken cancellationToken) =>
        throw new Scoring.ProviderFailureException(Reason);
}
