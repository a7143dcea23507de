using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lms.ServiceDefaults.OpenApi;

/// <summary>
/// Answers a handler's declared result type gives but that carry no OpenAPI metadata of their own: a
/// <see cref="RedirectHttpResult"/> in a <c>Results&lt;…&gt;</c> union is a 302 the browser follows.
/// </summary>
internal static class SuccessInference
{
    public static IEnumerable<(string Status, string Description)> RedirectsOf(IList<object> metadata)
    {
        if (metadata.OfType<MethodInfo>().FirstOrDefault() is not { } handler)
        {
            yield break;
        }

        if (ResultTypes(handler.ReturnType).Any(t => t == typeof(RedirectHttpResult)))
        {
            yield return (StatusCodes.Status302Found.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "Redirects the browser (the Location header names where).");
        }
    }

    private static Type[] ResultTypes(Type type)
    {
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            type = type.GetGenericArguments()[0];
        }

        return typeof(INestedHttpResult).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments() : [type];
    }
}
