using Lms.Contracts.Teachback;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Time;
using Lms.Student.Data;
using Lms.Student.Teachback.Ranking;
using Lms.Student.Teachback.Scoring;
using Lms.Student.Teachback.Submissions;
using Lms.Student.Teachback.Transcription;

namespace Lms.Student.Teachback.Processing;

/// <summary>
/// Transcribes (a recording), scores, and stores the outcome with its event, within the submission's deadline. A
/// provider that fails after its retries ends the submission FAILED with the reason; running out of time ends it
/// TIMED_OUT; anything else (the database, the storage being away) is thrown, so the message is retried, and the
/// sweeper ends the submission if the retries run out. A submission that is no longer PENDING is left alone.
/// </summary>
public sealed partial class TeachbackProcessor(
    StudentDbContext db, ITranscriber transcriber, IScorer scorer, TeachbackAudioStore audio, TimeProvider clock, ILogger<TeachbackProcessor> logger)
{
    public const string NoSpeechReason = "no speech was recognized in the recording";

    /// <summary>The submission this processor gave its final status, once its caller has saved it.</summary>
    public TeachbackSubmission? Finished { get; private set; }

    public async Task ProcessAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        if (await db.TeachbackSubmissions.FindAsync([submissionId], cancellationToken) is not { IsPending: true } submission)
        {
            return;
        }

        var topic = await db.TeachbackTopics.FindAsync([submission.TopicId], cancellationToken)
            ?? throw new InvalidOperationException($"Teach-back topic {submission.TopicId} of submission {submissionId} is not known.");
        var remaining = submission.Deadline - clock.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            End(submission, TeachbackStatuses.TimedOut, "processing did not start before the deadline", null);
            return;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(remaining);

        string? transcript = submission.Transcript;
        try
        {
            if (submission.FileId is { } fileId)
            {
                transcript = await TranscribeAsync(fileId, topic.Language, budget.Token);
            }

            if (string.IsNullOrWhiteSpace(transcript))
            {
                End(submission, TeachbackStatuses.NoSpeech, NoSpeechReason, transcript);
            }
            else
            {
                var result = await scorer.ScoreAsync(new ScoringInput(topic.Title, topic.KeyPoints, topic.Synonyms, topic.Language, transcript, topic.Prompt), budget.Token);
                await SucceedAsync(submission, transcript, result, cancellationToken);
            }
        }
        catch (ProviderFailureException failure)
        {
            End(submission, TeachbackStatuses.Failed, failure.Message, transcript);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            End(submission, TeachbackStatuses.TimedOut, "processing did not finish before the deadline", transcript);
        }
    }

    private async Task<string> TranscribeAsync(Guid fileId, string language, CancellationToken cancellationToken)
    {
        if (transcriber is NoTranscriber)
        {
            throw new ProviderFailureException(NoTranscriber.Reason);
        }

        var file = await db.TeachbackAudio.FindAsync([fileId], cancellationToken)
            ?? throw new InvalidOperationException($"Teach-back recording {fileId} is not known.");
        await using var stream = await audio.ReadAsync(file.StorageKey, cancellationToken);
        return (await transcriber.TranscribeAsync(stream, file.FileName, language, cancellationToken)).Trim();
    }

    private async Task SucceedAsync(TeachbackSubmission submission, string transcript, ScoringResult result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        submission.Succeed(transcript, result.Score, result.Strengths, result.Weaknesses, scorer.Name, now, result.Check);
        Finished = submission;
        // The ranking's rows are upserted in SQL: inside the caller's transaction (the inbox's), they commit with the result or not at all.
        await RankingBook.RecordAsync(db, submission.UserId, submission.CourseId, submission.Score!.Value, KoreaTime.Today(now), now, cancellationToken);
        db.PublishOnSave(new TeachbackScored(submission.Id, submission.UserId, submission.TopicId, submission.CourseId, submission.Score.Value,
            submission.Strengths, submission.Weaknesses, now));
        LogScored(logger, submission.Id, submission.Score.Value, submission.ScoredBy!);
    }

    private void End(TeachbackSubmission submission, string status, string reason, string? transcript)
    {
        var now = clock.GetUtcNow();
        submission.EndUnscored(status, reason, transcript, now);
        Finished = submission;
        db.PublishOnSave(new TeachbackUnscored(submission.Id, submission.UserId, submission.TopicId, submission.CourseId, status, reason, now));
        LogUnscored(logger, submission.Id, status, reason);
    }

    [LoggerMessage(LogLevel.Information, "Teach-back {SubmissionId} scored {Score} by {Scorer}")]
    private static partial void LogScored(ILogger logger, Guid submissionId, int score, string scorer);

    [LoggerMessage(LogLevel.Information, "Teach-back {SubmissionId} ended {Status}: {Reason}")]
    private static partial void LogUnscored(ILogger logger, Guid submissionId, string status, string reason);
}
