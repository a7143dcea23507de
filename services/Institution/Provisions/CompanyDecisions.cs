using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Lms.ServiceDefaults.Security;

namespace Lms.Institution.Provisions;

/// <summary>
/// Hands the institution's decisions to the company service, which keeps the authoritative provision record, so
/// a decision and a racing cancellation cannot both win. The manager's own token goes along.
/// </summary>
public sealed class CompanyDecisions(HttpClient http)
{
    public async Task<(HttpStatusCode Status, JsonElement? Body)> DecideAsync(Guid provisionId, string decision, string? reason, string accessToken,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/internal/course-provides/{provisionId}/{decision}")
        {
            Content = JsonContent.Create(new { reason }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = response.Content.Headers.ContentLength is 0 ? (JsonElement?)null : await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return (response.StatusCode, body);
    }

    /// <summary>The caller's bearer token, from the header or the browser's cookie.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        return request.Cookies.TryGetValue(AuthCookieNames.AccessToken, out var cookie) ? cookie : null;
    }
}
