using System.Globalization;
using System.Text;

namespace Lms.ServiceDefaults.OpenApi;

/// <summary>
/// An <c>operationId</c> for an endpoint that has no name: the method and the route after the service prefix,
/// in camel case (<c>POST /company/v1/course-provides/{id}/cancel</c> → <c>postCourseProvidesByIdCancel</c>).
/// Routes are the public contract (docs/API.md), so the id changes only when the contract does, and two operations
/// of one document can never share it. An endpoint named with <c>WithName</c> keeps its name.
/// </summary>
public static class OperationIds
{
    public static string FromRoute(string httpMethod, string relativePath)
    {
        var segments = relativePath.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        // "{service}/v1/…": the prefix is the same for every operation of the document, so it adds nothing.
        var start = segments.Length >= 2 && segments[1] == "v1" ? 2 : 0;

        var id = new StringBuilder(httpMethod.ToLowerInvariant());
        foreach (var segment in segments.Skip(start))
        {
            if (segment.StartsWith('{'))
            {
                id.Append("By");
                AppendWords(id, segment.Trim('{', '}').Split(':', '=', '?')[0].TrimStart('*'));
            }
            else
            {
                AppendWords(id, segment);
            }
        }

        return id.ToString();
    }

    // "course-provides" → "CourseProvides", ".well-known" → "WellKnown", "jwks.json" → "JwksJson", "cpId" → "CpId".
    private static void AppendWords(StringBuilder id, string segment)
    {
        foreach (var word in segment.Split(['-', '.', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            id.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word.AsSpan(1));
        }
    }
}
