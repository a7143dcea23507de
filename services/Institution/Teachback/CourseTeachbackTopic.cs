using Lms.Contracts.Teachback;

namespace Lms.Institution.Teachback;

/// <summary>
/// A teach-back topic of a course: what learners are asked (<see cref="Prompt"/>) and what an explanation should cover
/// (the key points and synonyms: the rubric, which learners never see). Every change, the deletion included, is
/// announced with a higher version as <see cref="TeachbackTopicChanged"/>; a deleted topic is kept as a tombstone so
/// its last version stays the highest.
/// </summary>
public sealed class CourseTeachbackTopic
{
    private CourseTeachbackTopic()
    {
    }

    public Guid Id { get; private set; }

    public Guid CourseId { get; private set; }

    public Guid InstitutionId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    /// <summary>What learners read besides the title, e.g. the questions to answer; null when the manager wrote none.</summary>
    public string? Prompt { get; private set; }

    public IReadOnlyList<string> KeyPoints { get; private set; } = [];

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    public string Language { get; private set; } = TeachbackTopicRules.Korean;

    public bool Deleted { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static CourseTeachbackTopic Create(Guid courseId, Guid institutionId, TeachbackTopicRequest request, DateTimeOffset now)
    {
        var topic = new CourseTeachbackTopic { Id = Guid.CreateVersion7(), CourseId = courseId, InstitutionId = institutionId, CreatedAt = now };
        topic.Edit(request, now);
        return topic;
    }

    public void Edit(TeachbackTopicRequest request, DateTimeOffset now)
    {
        Title = request.Title.Trim();
        Prompt = TeachbackTopicRules.CleanPrompt(request.Prompt);
        KeyPoints = TeachbackTopicRules.CleanKeyPoints(request.KeyPoints);
        Synonyms = TeachbackTopicRules.CleanSynonyms(request.Synonyms);
        Language = request.Language ?? TeachbackTopicRules.Korean;
        Version++;
        UpdatedAt = now;
    }

    public void Delete(DateTimeOffset now)
    {
        Deleted = true;
        Version++;
        UpdatedAt = now;
    }

    public TeachbackTopicChanged Changed() =>
        new(Id, CourseId, InstitutionId, Title, KeyPoints, Synonyms, Language, Deleted, Version, UpdatedAt, Prompt);
}
