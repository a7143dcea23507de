using System.ComponentModel.DataAnnotations;

namespace Lms.Student.Teachback.Submissions;

/// <summary>An explanation of a topic: a recording the caller uploaded (<c>fileId</c>) or typed text, one of the two.</summary>
public sealed record SubmitTeachbackRequest([property: Required] Guid? TopicId, Guid? FileId, string? Text) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FileId is null && Text is null)
        {
            yield return new ValidationResult("Give either a recording (fileId) or the text of the explanation.", ["text"]);
        }
        else if (FileId is not null && Text is not null)
        {
            yield return new ValidationResult("Give a recording or a text, not both.", ["text"]);
        }
        else if (Text is not null && string.IsNullOrWhiteSpace(Text))
        {
            yield return new ValidationResult("The explanation is empty.", ["text"]);
        }
        else if (Text is { Length: > TeachbackSubmission.MaxTextLength })
        {
            yield return new ValidationResult($"An explanation has at most {TeachbackSubmission.MaxTextLength:N0} characters.", ["text"]);
        }
    }
}

public sealed record SubmissionAccepted(Guid Id, string Status);

public sealed record SubmissionView(
    Guid Id, Guid TopicId, string TopicTitle, Guid? CourseId, Guid? FileId, string Status, string? Reason, string? Transcript, int? Score,
    IReadOnlyList<string> Strengths, IReadOnlyList<string> Weaknesses, int? HelpfulnessStars, DateTimeOffset CreatedAt, DateTimeOffset Deadline,
    DateTimeOffset? FinishedAt)
{
    public static SubmissionView Of(TeachbackSubmission s, string topicTitle) => new(s.Id, s.TopicId, topicTitle, s.CourseId, s.FileId, s.Status,
        s.Reason, s.Transcript, s.Score, s.Strengths, s.Weaknesses, s.HelpfulnessStars, s.CreatedAt, s.Deadline, s.FinishedAt);
}

/// <summary>A page of my submissions, newest first, without transcripts (those are on the single submission).</summary>
public sealed record SubmissionSummary(Guid Id, Guid TopicId, string TopicTitle, string Status, string? Reason, int? Score, DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);

public sealed record MineQuery([property: Range(1, 100_000)] int Page = 1, [property: Range(1, 100)] int Size = 20);

public sealed record HelpfulnessRequest([property: Range(1, 5)] int Stars);

public sealed record RankingQuery(Guid? CourseId, [property: Range(1, 100)] int Top = 20);

/// <summary>One place in a ranking: the learner's name if they are me or a colleague of my company, otherwise their stable pseudonym (<c>pseudonymous</c>).</summary>
public sealed record RankingEntry(int Rank, string Name, decimal AverageScore, int Count, bool IsMe, bool Pseudonymous);

public sealed record MyStanding(int? Rank, decimal? Percentile, decimal? AverageScore, int Count);

/// <summary>
/// A ranking over the last 30 days: <c>scope</c> COURSE or GLOBAL, the top entries, and where I stand (no rank until I
/// have <c>minimumCount</c> scored submissions in the window).
/// </summary>
public sealed record RankingResponse(string Scope, Guid? CourseId, DateOnly From, int MinimumCount, int Ranked, IReadOnlyList<RankingEntry> Entries, MyStanding Me);
