using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Lms.Board.Posts;

/// <summary>
/// Renders the small Markdown subset boards allow — paragraphs, line breaks, <c>- </c> lists, <c>**bold**</c>,
/// <c>*italic*</c>, <c>`code`</c> and <c>[text](url)</c> — to HTML that cannot run anything: every character of
/// the author's text is HTML-escaped first, and links keep only http, https and mailto targets.
/// </summary>
public static partial class SafeMarkdown
{
    public static string ToHtml(string markdown)
    {
        var html = new StringBuilder();
        var blocks = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        foreach (var block in blocks)
        {
            var lines = block.Split('\n');
            if (lines.All(l => l.StartsWith("- ", StringComparison.Ordinal)))
            {
                html.Append("<ul>");
                foreach (var line in lines)
                {
                    html.Append("<li>").Append(Inline(line[2..])).Append("</li>");
                }
                html.Append("</ul>");
            }
            else
            {
                html.Append("<p>").Append(string.Join("<br>", lines.Select(Inline))).Append("</p>");
            }
        }
        return html.ToString();
    }

    private static string Inline(string text)
    {
        var escaped = WebUtility.HtmlEncode(text);
        escaped = Code().Replace(escaped, "<code>$1</code>");
        escaped = Bold().Replace(escaped, "<strong>$1</strong>");
        escaped = Italic().Replace(escaped, "<em>$1</em>");
        return Link().Replace(escaped, match =>
        {
            var label = match.Groups[1].Value;
            var target = WebUtility.HtmlDecode(match.Groups[2].Value);
            return Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto"
                ? $"<a href=\"{WebUtility.HtmlEncode(uri.AbsoluteUri)}\" rel=\"nofollow noopener\">{label}</a>"
                : label;
        });
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"\*([^*]+)\*")]
    private static partial Regex Italic();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
