namespace Lms.Live.Classroom;

/// <summary>The names of the events the classroom hub sends (docs/API.md describes each payload).</summary>
public static class ClassroomEvents
{
    public const string SessionState = "sessionState";
    public const string Chat = "chat";
    public const string ChatDeleted = "chatDeleted";
    public const string QuizStarted = "quizStarted";
    public const string QuizTally = "quizTally";
    public const string QuizClosed = "quizClosed";
    public const string Leaderboard = "leaderboard";
}
