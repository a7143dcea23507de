namespace Lms.Institution.Courses;

public static class ItemKinds
{
    public const string Video = "VIDEO";
    public const string Document = "DOCUMENT";
    public const string Image = "IMAGE";
    public const string Other = "OTHER";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Video, Document, Image, Other };

    /// <summary>
    /// The kind of item a file of this MIME type is shown by: a video (video/*) only by a VIDEO item, an image (image/*)
    /// by an IMAGE item, a document (application/*: PDF, the office formats, HWP) by a DOCUMENT item, anything else (audio)
    /// by an OTHER item. A video shown as a document would complete by being opened, without being watched.
    /// </summary>
    public static string OfFile(string contentType) => contentType.Trim().ToLowerInvariant() switch
    {
        var type when type.StartsWith("video/", StringComparison.Ordinal) => Video,
        var type when type.StartsWith("image/", StringComparison.Ordinal) => Image,
        var type when type.StartsWith("application/", StringComparison.Ordinal) => Document,
        _ => Other,
    };
}

/// <summary>A chapter (curriculum) of a course; its position is its place in the course's list, 1..n.</summary>
public sealed record Chapter(Guid Id, string Title, IReadOnlyList<ContentItem> Items);

/// <summary>A content item: what it shows (an uploaded file), whether it counts for completion.</summary>
public sealed record ContentItem(Guid Id, string Title, string Kind, Guid? FileId, int? DurationSeconds, bool Required);

/// <summary>The structure a manager wants: ids of existing chapters and items to keep, none for new ones.</summary>
public sealed record ChapterPlan(Guid? Id, string Title, IReadOnlyList<ItemPlan> Items);

public sealed record ItemPlan(Guid? Id, string Title, string Kind, Guid? FileId, bool Required);

/// <summary>A file the content service has declared ready, as far as this service knows.</summary>
public sealed record ReadyFileInfo(Guid FileId, Guid InstitutionId, string ContentType, int? DurationSeconds);

/// <summary>
/// Builds a course's next structure from a plan: kept ids must belong to the course, no id twice, files must
/// be ready, the institution's own and of the item's kind (<see cref="ItemKinds.OfFile"/>); positions are the order
/// given, so always dense. Every offending entry
/// is named, by its path in the request (<c>chapters[1].items[0].fileId</c>).
/// </summary>
public static class StructurePlanner
{
    public const int MaxChapters = 100;
    public const int MaxItems = 1000;

    public static (IReadOnlyList<Chapter>? Structure, Dictionary<string, string[]> Errors) Plan(
        IReadOnlyList<Chapter> current, IReadOnlyList<ChapterPlan> plan, Guid institutionId, IReadOnlyDictionary<Guid, ReadyFileInfo> readyFiles)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var existingChapters = current.Select(c => c.Id).ToHashSet();
        var existingItems = current.SelectMany(c => c.Items).Select(i => i.Id).ToHashSet();
        var seen = new HashSet<Guid>();

        if (plan.Count > MaxChapters)
        {
            errors["chapters"] = [$"At most {MaxChapters} chapters."];
        }
        if (plan.Sum(c => c?.Items?.Count ?? 0) > MaxItems)
        {
            errors["chapters"] = [$"At most {MaxItems} items in a course."];
        }

        var chapters = new List<Chapter>();
        for (var c = 0; c < plan.Count; c++)
        {
            var chapterPlan = plan[c];
            var path = $"chapters[{c}]";
            if (chapterPlan is null)
            {
                errors[path] = ["A chapter is missing here."];
                continue;
            }

            CheckId(chapterPlan.Id, existingChapters, seen, $"{path}.id", errors);
            if (string.IsNullOrWhiteSpace(chapterPlan.Title) || chapterPlan.Title.Length > 200)
            {
                errors[$"{path}.title"] = ["A chapter needs a title of at most 200 characters."];
            }

            var items = new List<ContentItem>();
            var itemPlans = chapterPlan.Items ?? [];
            for (var i = 0; i < itemPlans.Count; i++)
            {
                var item = itemPlans[i];
                var itemPath = $"{path}.items[{i}]";
                if (item is null)
                {
                    errors[itemPath] = ["An item is missing here."];
                    continue;
                }

                CheckId(item.Id, existingItems, seen, $"{itemPath}.id", errors);
                if (string.IsNullOrWhiteSpace(item.Title) || item.Title.Length > 200)
                {
                    errors[$"{itemPath}.title"] = ["An item needs a title of at most 200 characters."];
                }
                if (item.Kind is null || !ItemKinds.All.Contains(item.Kind))
                {
                    errors[$"{itemPath}.kind"] = ["Use VIDEO, DOCUMENT, IMAGE or OTHER."];
                }

                int? duration = null;
                if (item.FileId is { } fileId)
                {
                    if (!readyFiles.TryGetValue(fileId, out var file) || file.InstitutionId != institutionId)
                    {
                        errors[$"{itemPath}.fileId"] = ["The file is not a ready upload of this institution."];
                    }
                    else if (item.Kind == ItemKinds.Video && (ItemKinds.OfFile(file.ContentType) != ItemKinds.Video || file.DurationSeconds is not > 0))
                    {
                        // Watching is credited against the measured duration: without one a video could never complete.
                        errors[$"{itemPath}.fileId"] = ["A video item shows a video whose duration was measured."];
                    }
                    else if (item.Kind is not null && ItemKinds.All.Contains(item.Kind)
                             && ItemKinds.OfFile(file.ContentType) is var fileKind && fileKind != item.Kind)
                    {
                        errors[$"{itemPath}.fileId"] = [$"A {item.Kind} item cannot show this file ({file.ContentType}): it is shown by a {fileKind} item."];
                    }
                    else
                    {
                        duration = file.DurationSeconds;
                    }
                }
                else if (item.Kind is ItemKinds.Video or ItemKinds.Document)
                {
                    errors[$"{itemPath}.fileId"] = ["A video or document item shows an uploaded file."];
                }

                items.Add(new ContentItem(item.Id ?? Guid.CreateVersion7(), item.Title?.Trim() ?? string.Empty, item.Kind ?? string.Empty,
                    item.FileId, duration, item.Required));
            }

            chapters.Add(new Chapter(chapterPlan.Id ?? Guid.CreateVersion7(), chapterPlan.Title?.Trim() ?? string.Empty, items));
        }

        return errors.Count == 0 ? (chapters, errors) : (null, errors);
    }

    private static void CheckId(Guid? id, HashSet<Guid> known, HashSet<Guid> seen, string path, Dictionary<string, string[]> errors)
    {
        if (id is not { } value)
        {
            return;
        }

        if (!known.Contains(value))
        {
            errors[path] = ["This id is not part of the course; leave it out to add a new one."];
        }
        else if (!seen.Add(value))
        {
            errors[path] = ["This id appears twice."];
        }
    }
}
