using System.Text.RegularExpressions;

namespace Lms.Content.Uploads;

/// <summary>
/// What is kept of a client's file name: a display name without path parts or control characters (Korean kept),
/// and a lower-case extension of letters and digits — the only part that reaches the storage key.
/// </summary>
public static partial class FileNames
{
    public static string? DisplayName(string fileName)
    {
        var lastSegment = fileName.Replace('\\', '/').Split('/')[^1];
        var cleaned = new string(lastSegment.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (cleaned.Length == 0 || cleaned is "." or "..")
        {
            return null;
        }
        return cleaned.Length <= MaxLength ? cleaned : Shortened(cleaned);
    }

    public const int MaxLength = 255;

    /// <summary>Shortens the stem, never the extension (the type check reads it), and never splits a surrogate pair.</summary>
    private static string Shortened(string name)
    {
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && Extension(name) is not null ? name[dot..] : string.Empty;
        var keep = MaxLength - extension.Length;
        if (char.IsHighSurrogate(name[keep - 1]))
        {
            keep--;
        }

        return name[..keep].TrimEnd() + extension;
    }

    public static string? Extension(string displayName)
    {
        var dot = displayName.LastIndexOf('.');
        var extension = dot < 0 ? string.Empty : displayName[(dot + 1)..].ToLowerInvariant();
        return Safe().IsMatch(extension) ? extension : null;
    }

    [GeneratedRegex("^[a-z0-9]{1,10}$")]
    private static partial Regex Safe();
}
