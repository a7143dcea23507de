using System.ComponentModel.DataAnnotations;

namespace Lms.Student.Teachback.Processing;

public static class ProviderKinds
{
    public const string OpenAi = "OpenAI";
    public const string Rubric = "Rubric";
    public const string None = "None";
}

/// <summary>Section <c>Teachback</c>.</summary>
public sealed class TeachbackOptions
{
    public const string Section = "Teachback";

    /// <summary>A submission still PENDING this long after it was made is TIMED_OUT by the sweeper.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What a client polling a PENDING submission is told to wait (the <c>Retry-After</c> header).</summary>
    public int PollSeconds { get; set; } = 3;

    /// <summary>Submissions a learner may make per Korean calendar day (the 429 names the midnight it resets at).</summary>
    [Range(1, 10_000)]
    public int DailySubmissions { get; set; } = 20;

    /// <summary>A learner's submissions still PENDING at once; one more is a 429 until one of them has a result.</summary>
    [Range(1, 100)]
    public int MaxPending { get; set; } = 2;

    /// <summary><c>None</c> (the default: recordings end FAILED "no transcriber configured") or <c>OpenAI</c>.</summary>
    public string Transcriber { get; set; } = ProviderKinds.None;

    /// <summary><c>Rubric</c> (the default, offline) or <c>OpenAI</c>.</summary>
    public string Scorer { get; set; } = ProviderKinds.Rubric;

    public OpenAiProviderOptions OpenAi { get; set; } = new();
}

/// <summary>
/// Section <c>Teachback:OpenAi</c>: any server speaking the OpenAI API (OpenAI, a whisper.cpp server, vLLM, Ollama).
/// The key belongs in a secret (environment variable <c>Teachback__OpenAi__ApiKey</c>), not in appsettings.
/// </summary>
public sealed class OpenAiProviderOptions
{
    /// <summary>Up to and including <c>/v1</c>, e.g. <c>https://api.openai.com/v1</c> or <c>http://127.0.0.1:8080/v1</c>.</summary>
    public string BaseUrl { get; set; } = "https://api.openai.com/v1";

    /// <summary>Self-hosted servers often need none; the client library needs some value, so an empty key is sent as "none".</summary>
    public string? ApiKey { get; set; }

    public string TranscriptionModel { get; set; } = "whisper-1";

    public string ScoringModel { get; set; } = "gpt-4o-mini";

    /// <summary>One HTTP attempt may take this long before it is abandoned (and retried).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt, for 5xx, 408, 429, timeouts and connection failures.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first wait between attempts; it doubles (with jitter) after each.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest transcript sent to the scoring model. A longer one is refused with a reason rather than cut, since a
    /// cut explanation would be scored on what the learner did not get to say.
    /// </summary>
    public int MaxTranscriptCharacters { get; set; } = 20_000;

    /// <summary>
    /// How far (in points) the model's score may stray from the offline rubric's score of the same explanation before
    /// the rubric's result is kept instead (and the model's recorded beside it): the learner's text may have talked the
    /// model into its score.
    /// </summary>
    public int MaxDisagreement { get; set; } = Scoring.RubricCheck.DefaultMaxDisagreement;
}
