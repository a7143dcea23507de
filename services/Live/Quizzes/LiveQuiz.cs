namespace Lms.Live.Quizzes;

/// <summary>The states of a live quiz, sent as these words.</summary>
public static class QuizStates
{
    public const string Prepared = "PREPARED";
    public const string Open = "OPEN";
    public const string Closed = "CLOSED";
}

/// <summary>A refusal of the quiz rules: the problem type and a title the client can show.</summary>
public sealed record QuizRefusal(string Type, string Title);

/// <summary>
/// A question a manager prepares for a session and pushes while it is LIVE: PREPARED → OPEN (until <see cref="EndsAt"/>)
/// → CLOSED. Answers count only while open, by the server's clock; closing reveals the answer and solution.
/// </summary>
public sealed class LiveQuiz
{
    public const int MinOptions = 2;
    public const int MaxOptions = 6;

    private LiveQuiz()
    {
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public string Question { get; private set; } = string.Empty;

    public List<string> Options { get; private set; } = [];

    public int CorrectOption { get; private set; }

    public string? Solution { get; private set; }

    public int TimeLimitSeconds { get; private set; }

    public string State { get; private set; } = QuizStates.Prepared;

    public DateTimeOffset? OpenedAt { get; private set; }

    public DateTimeOffset? EndsAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public long Version { get; private set; }

    public static LiveQuiz Prepare(Guid sessionId, string question, IReadOnlyList<string> options, int correctOption, string? solution,
        int timeLimitSeconds, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(), SessionId = sessionId, Question = question.Trim(), Options = [.. options.Select(o => o.Trim())],
            CorrectOption = correctOption, Solution = string.IsNullOrWhiteSpace(solution) ? null : solution.Trim(), TimeLimitSeconds = timeLimitSeconds,
            CreatedAt = now,
        };

    /// <summary>Opens the quiz for its time limit; the session must be LIVE, as a question pushed to nobody would close unanswered.</summary>
    public QuizRefusal? Push(string sessionState, DateTimeOffset now)
    {
        if (sessionState != Sessions.SessionStates.Live)
        {
            return new QuizRefusal("session-not-live", $"Quizzes are pushed while the session is LIVE; it is {sessionState}.");
        }
        if (State != QuizStates.Prepared)
        {
            return new QuizRefusal("quiz-state", $"A {State} quiz cannot be pushed.");
        }
        State = QuizStates.Open;
        OpenedAt = now;
        EndsAt = now.AddSeconds(TimeLimitSeconds);
        Version++;
        return null;
    }

    /// <summary>Whether an answer given at <paramref name="now"/> counts: open, and before the time limit.</summary>
    public QuizRefusal? CheckAnswer(int option, DateTimeOffset now) =>
        State != QuizStates.Open || now >= EndsAt ? new QuizRefusal("quiz-closed", "The quiz is not open for answers.")
        : option < 0 || option >= Options.Count ? new QuizRefusal("quiz-option", $"Choose an option from 0 to {Options.Count - 1}.")
        : null;

    public QuizRefusal? Close(DateTimeOffset now)
    {
        if (State != QuizStates.Open)
        {
            return new QuizRefusal("quiz-state", $"A {State} quiz cannot be closed.");
        }
        State = QuizStates.Closed;
        ClosedAt = now;
        Version++;
        return null;
    }
}

/// <summary>One learner's answer: at most one per quiz (the key), with how long after the push it came.</summary>
public sealed class QuizAnswer
{
    public Guid QuizId { get; set; }

    public Guid UserId { get; set; }

    public Guid SessionId { get; set; }

    public int Option { get; set; }

    public bool Correct { get; set; }

    public int AnswerMs { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }
}
