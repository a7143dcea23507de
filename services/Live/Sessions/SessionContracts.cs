using System.ComponentModel.DataAnnotations;

namespace Lms.Live.Sessions;

public sealed record ScheduleSessionRequest(
    [property: Required] Guid? CourseProvideId,
    [property: Required, StringLength(LiveSession.TitleMaxLength, MinimumLength = 1)] string Title,
    [property: Required] DateTimeOffset? ScheduledStart,
    [property: Required] DateTimeOffset? ScheduledEnd) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Title) && Title is not null)
        {
            yield return new ValidationResult("The title must not be blank.", [nameof(Title)]);
        }
        if (ScheduledStart is { } start && ScheduledEnd is { } end && LiveSession.CheckTimes(start, end) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(ScheduledEnd)]);
        }
    }
}

/// <summary>The fields to change while the session is SCHEDULED; those left out keep their value.</summary>
public sealed record EditSessionRequest(
    [property: StringLength(LiveSession.TitleMaxLength, MinimumLength = 1)] string? Title,
    DateTimeOffset? ScheduledStart,
    DateTimeOffset? ScheduledEnd) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Title is not null && string.IsNullOrWhiteSpace(Title))
        {
            yield return new ValidationResult("The title must not be blank.", [nameof(Title)]);
        }
    }
}

public sealed record SessionQuery(
    [property: Required] Guid? CourseProvideId,
    [property: Range(1, 100_000)] int Page = 1,
    [property: Range(1, 100)] int Size = 20);

/// <summary>A session as a manager or an enrollee sees it; the playback URL carries a short-lived token for this viewer.</summary>
public sealed record SessionResponse(
    Guid Id, Guid CourseProvideId, string Title, string State, DateTimeOffset ScheduledStart, DateTimeOffset ScheduledEnd,
    DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? PlaybackUrl, DateTimeOffset? PlaybackExpiresAt);

/// <summary>The instructor's view: where and with which key to publish.</summary>
public sealed record BroadcastResponse(string IngestUrl, string StreamKey);
