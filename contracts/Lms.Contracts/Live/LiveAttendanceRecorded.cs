namespace Lms.Contracts.Live;

/// <summary>
/// One enrollee's attendance of a live session, recorded once when the session ends (for every ACTIVE enrollee of the
/// provision, present or not, so a consumer can count the sessions held as well as those attended).
/// <paramref name="Rate"/> is present ÷ live seconds (0–1); <paramref name="Attended"/> applies the live service's threshold.
/// <paramref name="EnrollmentId"/> names the learner's enrollment in the provision (the dashboards key their rows by it).
/// </summary>
public sealed record LiveAttendanceRecorded(
    Guid SessionId,
    Guid ProvisionId,
    Guid InstitutionId,
    Guid UserId,
    Guid EnrollmentId,
    long PresentSeconds,
    long LiveSeconds,
    decimal Rate,
    bool Attended,
    int QuizzesAnswered,
    int QuizzesCorrect,
    DateTimeOffset SessionEndedAt,
    DateTimeOffset RecordedAt);
