using System.Diagnostics.Metrics;

namespace Lms.Live.Classroom;

/// <summary>
/// The classroom's numbers (meter <c>Lms.Live</c>), per instance: connections joined to a session and the sessions they
/// are in, quiz answers taken, chat messages refused. Open hub connections are ASP.NET Core's own
/// <c>signalr.server.active_connections</c>, which counts a connection before it joins anything.
/// </summary>
public sealed class ClassroomMetrics
{
    public const string MeterName = "Lms.Live";

    public const string Empty = "empty";
    public const string TooLong = "too_long";
    public const string RateLimited = "rate_limited";
    public const string NotAllowed = "not_allowed";

    private readonly Counter<long> _answers;
    private readonly Counter<long> _chatRefusals;

    public ClassroomMetrics(IMeterFactory meters, ClassroomConnections connections)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableUpDownCounter("lms.live.classroom.connections", () => connections.Snapshot().Count, "{connection}",
            "Classroom connections joined to a session on this instance");
        meter.CreateObservableUpDownCounter("lms.live.classroom.sessions",
            () => connections.Snapshot().Select(c => c.SessionId).Distinct().Count(), "{session}",
            "Live sessions with at least one connection joined on this instance");
        _answers = meter.CreateCounter<long>("lms.live.quiz.answers", "{answer}",
            "Quiz answers taken (one per learner and quiz), by lms.quiz.answer.correct");
        _chatRefusals = meter.CreateCounter<long>("lms.live.chat.refusals", "{message}",
            "Chat messages refused, by lms.refusal.reason: empty, too_long, rate_limited, not_allowed (not joined, access or session over)");
    }

    public void Answered(bool correct) => _answers.Add(1, new KeyValuePair<string, object?>("lms.quiz.answer.correct", correct));

    public void ChatRefused(string reason) => _chatRefusals.Add(1, new KeyValuePair<string, object?>("lms.refusal.reason", reason));
}
