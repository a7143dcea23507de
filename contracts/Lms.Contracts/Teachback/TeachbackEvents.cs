namespace Lms.Contracts.Teachback;

/// <summary>
/// A course's teach-back topic as its institution last saved it: the key points an explanation should cover, and for
/// some of their words the other words a learner may use instead (together the rubric, which learners never see). A
/// later <paramref name="Version"/> replaces an earlier one; <paramref name="Deleted"/> takes the topic away from
/// learners (their past submissions stay). <paramref name="Prompt"/> (what learners are asked, e.g. questions to
/// answer; null when the manager wrote none) was added later: a message published before it existed reads as null.
/// </summary>
public sealed record TeachbackTopicChanged(
    Guid TopicId,
    Guid CourseId,
    Guid InstitutionId,
    string Title,
    IReadOnlyList<string> KeyPoints,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms,
    string Language,
    bool Deleted,
    long Version,
    DateTimeOffset ChangedAt,
    string? Prompt = null);

/// <summary>
/// A learner's teach-back recording was uploaded, checked and measured. <see cref="Content.FileReady"/> carries no
/// uploader, and a recording belongs to a person rather than an institution, so it is announced with this record.
/// </summary>
public sealed record TeachbackAudioReady(
    Guid FileId,
    Guid UploaderId,
    string FileName,
    string ContentType,
    long Size,
    int DurationSeconds,
    string StorageKey,
    DateTimeOffset ReadyAt);

/// <summary>A teach-back submission was scored (status SUCCEEDED).</summary>
public sealed record TeachbackScored(
    Guid SubmissionId,
    Guid UserId,
    Guid TopicId,
    Guid? CourseId,
    int Score,
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> Weaknesses,
    DateTimeOffset ScoredAt);

/// <summary>A teach-back submission ended without a score: NO_SPEECH, FAILED or TIMED_OUT, with a reason a person can read.</summary>
public sealed record TeachbackUnscored(
    Guid SubmissionId,
    Guid UserId,
    Guid TopicId,
    Guid? CourseId,
    string Status,
    string Reason,
    DateTimeOffset EndedAt);
