using Lms.Contracts.Teachback;

namespace Lms.Student.Teachback.Topics;

public static class TopicSources
{
    /// <summary>Attached to a course by its institution; learners with an ACTIVE enrollment in that course practise it.</summary>
    public const string Course = "COURSE";

    /// <summary>The free-practice catalog (major → subject → topic), curated by admins, open to every signed-in user.</summary>
    public const string Catalog = "CATALOG";
}

/// <summary>
/// A topic a learner can explain. Course topics are projected from the institution's <see cref="TeachbackTopicChanged"/>
/// (latest version wins); catalog topics are owned here. A deleted topic stays for the submissions that refer to it.
/// </summary>
public sealed class TeachbackTopic
{
    private TeachbackTopic()
    {
    }

    public Guid Id { get; private set; }

    public string Source { get; private set; } = TopicSources.Catalog;

    public Guid? CourseId { get; private set; }

    public Guid? InstitutionId { get; private set; }

    /// <summary>Catalog only: the major and subject the topic sits under.</summary>
    public string? Major { get; private set; }

    public string? Subject { get; private set; }

    public string Title { get; private set; } = string.Empty;

    /// <summary>What learners read besides the title, e.g. the questions to answer; null when none was written.</summary>
    public string? Prompt { get; private set; }

    // The key points and synonyms are the rubric: scorers read them, learners never do.

    public IReadOnlyList<string> KeyPoints { get; private set; } = [];

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    public string Language { get; private set; } = TopicLanguages.Korean;

    public bool Deleted { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static TeachbackTopic FromCourse(TeachbackTopicChanged message)
    {
        var topic = new TeachbackTopic { Id = message.TopicId, Source = TopicSources.Course };
        topic.Apply(message);
        return topic;
    }

    /// <summary>Takes the institution's newer version; an older or repeated one changes nothing.</summary>
    public bool Apply(TeachbackTopicChanged message)
    {
        if (message.Version <= Version)
        {
            return false;
        }

        CourseId = message.CourseId;
        InstitutionId = message.InstitutionId;
        Title = message.Title;
        Prompt = message.Prompt;
        KeyPoints = message.KeyPoints;
        Synonyms = message.Synonyms;
        Language = message.Language;
        Deleted = message.Deleted;
        Version = message.Version;
        ChangedAt = message.ChangedAt;
        return true;
    }

    public static TeachbackTopic InCatalog(CatalogTopicRequest request, DateTimeOffset now)
    {
        var topic = new TeachbackTopic { Id = Guid.CreateVersion7(), Source = TopicSources.Catalog };
        topic.Edit(request, now);
        return topic;
    }

    public void Edit(CatalogTopicRequest request, DateTimeOffset now)
    {
        Major = request.Major.Trim();
        Subject = request.Subject.Trim();
        Title = request.Title.Trim();
        Prompt = TopicRules.CleanPrompt(request.Prompt);
        KeyPoints = TopicRules.CleanKeyPoints(request.KeyPoints);
        Synonyms = TopicRules.CleanSynonyms(request.Synonyms);
        Language = request.Language ?? TopicLanguages.Korean;
        Version++;
        ChangedAt = now;
    }

    public void Delete(DateTimeOffset now)
    {
        Deleted = true;
        Version++;
        ChangedAt = now;
    }
}
