using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lms.ClassroomBench;

/// <summary>
/// The seeded demo institution (scripts/seed.sh): its manager schedules sessions for the provision the demo employee
/// learns in, through the gateway as any client would.
/// </summary>
public sealed class DemoPlatform(Uri gateway) : IDisposable
{
    public const string Manager = "manager@demo.lms";
    public const string Employee = "employee@demo.lms";
    public const string Password = "Demo-pass-2026!";

    // No cookie jar: the bench is an API client (bearer tokens); a cookie from the first sign-in would make the next a
    // cookie request without an Origin, which the gateway refuses.
    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false }) { BaseAddress = gateway };
    private string _manager = "";
    private string _employee = "";

    public async Task SignInAsync()
    {
        _manager = await TokenAsync(Manager);
        _employee = await TokenAsync(Employee);
    }

    /// <summary>A session of the employee's first active provision, scheduled now, once the employee can see it.</summary>
    public async Task<Guid> ScheduleAsync(string title)
    {
        var enrollments = await SendAsync(_employee, HttpMethod.Get, "student/v1/enrollments");
        var provision = enrollments.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("state").GetString() == "ACTIVE")
            .Select(e => e.GetProperty("courseProvideId").GetGuid())
            .FirstOrDefault();
        if (provision == Guid.Empty)
        {
            throw new InvalidOperationException("The demo employee has no active course; run ./lms up (it seeds the demo data).");
        }
        var start = DateTimeOffset.UtcNow.AddMinutes(1);
        var session = await SendAsync(_manager, HttpMethod.Post, "live/v1/sessions",
            new { courseProvideId = provision, title, scheduledStart = start, scheduledEnd = start.AddHours(1) });
        var id = session.GetProperty("id").GetGuid();
        // The live service learns of enrollments by events; the demo's are old, but wait rather than assume.
        for (var attempt = 0; attempt < 60; attempt++)
        {
            using var request = Request(_employee, HttpMethod.Get, $"live/v1/sessions/{id}");
            using var response = await _http.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                return id;
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException("The demo employee never saw the scheduled session.");
    }

    public async Task<string> PublishUrlAsync(Guid session)
    {
        var broadcast = await SendAsync(_manager, HttpMethod.Get, $"live/v1/sessions/{session}/broadcast");
        return $"{broadcast.GetProperty("ingestUrl").GetString()}/{broadcast.GetProperty("streamKey").GetString()}";
    }

    public async Task<string> StateAsync(Guid session) =>
        (await SendAsync(_manager, HttpMethod.Get, $"live/v1/sessions/{session}")).GetProperty("state").GetString() ?? "";

    public async Task EndAsync(Guid session)
    {
        using var request = Request(_manager, HttpMethod.Post, $"live/v1/sessions/{session}/end");
        using var response = await _http.SendAsync(request);
    }

    private async Task<string> TokenAsync(string login)
    {
        using var response = await _http.PostAsJsonAsync("identity/v1/signin", new { login, password = Password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{login} could not sign in ({(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}); run ./lms up (it seeds the demo data).");
        }
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private async Task<JsonElement> SendAsync(string token, HttpMethod method, string path, object? body = null)
    {
        using var request = Request(token, method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static HttpRequestMessage Request(string token, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public void Dispose() => _http.Dispose();
}
