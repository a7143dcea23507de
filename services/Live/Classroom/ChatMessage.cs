namespace Lms.Live.Classroom;

/// <summary>One chat message of a session, kept for the session's history; a manager's deletion hides it from everyone.</summary>
public sealed class ChatMessage
{
    public const int MaxLength = 500;

    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public Guid UserId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public DateTimeOffset SentAt { get; set; }

    public Guid? DeletedBy { get; set; }

    public ChatView ToView() => new(Id, UserId, Name, Text, SentAt);
}

/// <summary><c>chat {id, userId, name, text, sentAt}</c> as clients receive it.</summary>
public sealed record ChatView(Guid Id, Guid UserId, string Name, string Text, DateTimeOffset SentAt);

/// <summary><c>sessionState {sessionId, state}</c>.</summary>
/// <summary>
/// <c>sessionState</c>: SCHEDULED, LIVE, ENDED or CANCELLED; <see cref="Recording"/> is the recording's state (PROCESSING,
/// READY, FAILED) once an ENDED session's recording has arrived, else null.
/// </summary>
public sealed record SessionStateView(Guid SessionId, string State, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? Recording);

/// <summary><c>chatDeleted {id}</c>.</summary>
public sealed record ChatDeletedView(Guid Id);
