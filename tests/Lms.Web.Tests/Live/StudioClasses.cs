using System.Text.Json;
using Lms.EndToEnd.Tests;

namespace Lms.Web.Tests.Live;

/// <summary>What the studio's tests start from: a class whose provision the live service already knows.</summary>
public static class StudioClasses
{
    /// <summary>A registered class (institution, course, company, one employee, approved roster), ready for live sessions.</summary>
    public static async Task<Classroom> ReadyAsync(HttpClient api)
    {
        var classroom = await Classroom.RegisterAsync(api, employees: 1);
        // The live service learns of the provision and its people by events.
        await classroom.Manager.SucceedAsync(HttpMethod.Get, $"/live/v1/sessions?courseProvideId={classroom.ProvisionId}");
        await classroom.Employees[0].SucceedAsync(HttpMethod.Get, $"/live/v1/sessions?courseProvideId={classroom.ProvisionId}");
        return classroom;
    }

    /// <summary>A session starting now, scheduled through the API.</summary>
    public static async Task<Guid> ScheduleAsync(Classroom classroom, string title)
    {
        var start = DateTimeOffset.UtcNow;
        var session = await classroom.Manager.SucceedAsync(HttpMethod.Post, "/live/v1/sessions",
            new { courseProvideId = classroom.ProvisionId, title, scheduledStart = start, scheduledEnd = start.AddHours(1) });
        return session.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> SessionAsync(Person person, Guid sessionId) =>
        await person.SucceedAsync(HttpMethod.Get, $"/live/v1/sessions/{sessionId}");

    public static async Task<string> StreamKeyAsync(Person manager, Guid sessionId) =>
        (await manager.SucceedAsync(HttpMethod.Get, $"/live/v1/sessions/{sessionId}/broadcast")).GetProperty("streamKey").GetString()!;
}
