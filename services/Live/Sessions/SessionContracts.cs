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

/// <summary>
/// One provision's sessions, or without <see cref="CourseProvideId"/> every session the caller may see: those of the
/// institutions they manage and of the provisions they are enrolled in.
/// </summary>
public sealed record SessionQuery(
    Guid? CourseProvideId,
    [property: Range(1, 100_000)] int Page = 1,
    [property: Range(1, 100)] int Size = 20);

/// <summary>
/// A session as a manager or an enrollee sees it; the playback URL carries a short-lived token for this viewer.
/// <see cref="Recording"/> is shown to managers in the session's detail, once nginx has recorded it.
/// </summary>
public sealed record SessionResponse(
    Guid Id, Guid CourseProvideId, string CourseTitle, string Title, string State, DateTimeOffset ScheduledStart, DateTimeOffset ScheduledEnd,
    DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? PlaybackUrl, DateTimeOffset? PlaybackExpiresAt, RecordingView? Recording = null);

/// <summary>
/// The session's recording: PROCESSING, READY (then <see cref="FileId"/> is the content service's file, ready to attach
/// to courses) or FAILED (with the reason).
/// </summary>
public sealed record RecordingView(string State, Guid? FileId, string? Failure);

/// <summary>The instructor's view: where and with which key to publish.</summary>
public sealed record BroadcastResponse(string IngestUrl, string StreamKey);
