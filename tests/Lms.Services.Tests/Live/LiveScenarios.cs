using System.Net.Http.Json;
using System.Text.Json;
using Lms.Contracts.Enrollments;
using Lms.Contracts.Identity;
using Lms.Contracts.Memberships;
using Lms.Contracts.Provisions;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Live;

/// <summary>
/// A class as the live service learns of it from other services' events: its institution's manager, two enrolled
/// learners, a learner whose enrollment was cancelled, a manager of another institution and a stranger.
/// </summary>
public sealed record LiveClass(Guid ProvisionId, Guid InstitutionId, Caller Manager, Caller Learner, Caller OtherLearner, Caller Dropped,
    Caller OtherManager, Caller Stranger);

public static class LiveScenarios
{
    public static async Task<LiveClass> ClassAsync(Platform platform)
    {
        var client = platform.Live.Client;
        var bus = platform.Live.Services.GetRequiredService<IBus>();
        var institutionId = Guid.CreateVersion7();
        var otherInstitutionId = Guid.CreateVersion7();
        var companyId = Guid.CreateVersion7();
        var provisionId = Guid.CreateVersion7();
        var courseId = Guid.CreateVersion7();
        var manager = Caller.As(client, Roles.InstitutionManager, institutionId, "institution");
        var otherManager = Caller.As(client, Roles.InstitutionManager, otherInstitutionId, "institution");
        var learner = Caller.As(client, Roles.Employee, companyId, "company");
        var other = Caller.As(client, Roles.Employee, companyId, "company");
        var dropped = Caller.As(client, Roles.Employee, companyId, "company");
        var stranger = Caller.As(client, Roles.Employee, Guid.CreateVersion7(), "company");
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        foreach (var (person, name) in new[] { (manager, "강사"), (learner, "학습자"), (other, "동료"), (dropped, "퇴사자"), (otherManager, "타기관"), (stranger, "외부인") })
        {
            await bus.Publish(new UserRegistered(person.UserId, $"live.{person.UserId:N}@example.com", $"u{person.UserId:N}"[..20], name, now));
        }
        await bus.Publish(new CourseProvisionChanged(provisionId, companyId, "회사", institutionId, "기관", courseId, "라이브 과정",
            today, today.AddDays(30), 10, null, ProvisionStates.Registered, [], [], 4));
        await bus.Publish(new InstitutionManagerAdded(institutionId, manager.UserId, now));
        await bus.Publish(new InstitutionManagerAdded(otherInstitutionId, otherManager.UserId, now));
        foreach (var enrolled in new[] { learner, other, dropped })
        {
            await bus.Publish(new EnrollmentActivated(Guid.CreateVersion7(), enrolled.UserId, provisionId, courseId, companyId, institutionId, now));
        }
        // An empty roster above keeps the (in-process) student service from activating these people a second time.
        await bus.Publish(new EnrollmentCancelled(Guid.CreateVersion7(), dropped.UserId, provisionId, courseId, now.AddSeconds(1)));

        await Eventually.TrueAsync(() => platform.Live.WithDbAsync(async db =>
                await db.Provisions.AnyAsync(p => p.ProvisionId == provisionId) &&
                await db.Managers.CountAsync(m => m.UserId == manager.UserId || m.UserId == otherManager.UserId) == 2 &&
                await db.Enrollments.CountAsync(e => e.ProvisionId == provisionId && e.Active) == 2 &&
                await db.Enrollments.AnyAsync(e => e.UserId == dropped.UserId && !e.Active) &&
                await db.Users.CountAsync(u => u.Id == learner.UserId || u.Id == other.UserId || u.Id == manager.UserId) == 3),
            TimeSpan.FromSeconds(30), "the live service knows the class");
        return new LiveClass(provisionId, institutionId, manager, learner, other, dropped, otherManager, stranger);
    }

    public static async Task<JsonElement> ScheduleAsync(LiveClass c, string title = "1강 라이브")
    {
        var start = DateTimeOffset.UtcNow.AddHours(1);
        var response = await c.Manager.PostAsync("/live/v1/sessions",
            new { courseProvideId = c.ProvisionId, title, scheduledStart = start, scheduledEnd = start.AddHours(1) });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> BroadcastAsync(LiveClass c, Guid sessionId) =>
        await (await c.Manager.GetAsync($"/live/v1/sessions/{sessionId}/broadcast")).Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>
    /// A client of the live service's internal listener, where nginx calls (the in-memory server is told the request
    /// arrived on that port); <paramref name="port"/> another one plays a request on the public listener.
    /// </summary>
    public static HttpClient NginxClient(ServiceHost<Lms.Live.Data.LiveDbContext> live, int port = Platform.LiveInternalPort) =>
        new(live.Server.CreateHandler(context => context.Connection.LocalPort = port)) { BaseAddress = new Uri("http://127.0.0.1/") };

    /// <summary>What nginx-rtmp sends when an encoder publishes (or stops publishing) under a stream name.</summary>
    public static async Task<HttpResponseMessage> NginxCallsAsync(Platform platform, string callback, string name, string secret = Platform.LiveCallbackSecret,
        int port = Platform.LiveInternalPort)
    {
        using var client = NginxClient(platform.Live, port);
        return await client.PostAsync($"/live/v1/streams/{callback}?secret={Uri.EscapeDataString(secret)}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["call"] = callback == "on-publish" ? "publish" : "publish_done", ["app"] = "live", ["name"] = name, ["addr"] = "127.0.0.1", ["type"] = "live",
        }));
    }

    /// <summary>The student service cancels a learner's enrollment (or the company removes them); the live service hears of it.</summary>
    public static async Task CancelEnrollmentAsync(Platform platform, LiveClass c, Caller learner)
    {
        var bus = platform.Live.Services.GetRequiredService<IBus>();
        await bus.Publish(new EnrollmentCancelled(Guid.CreateVersion7(), learner.UserId, c.ProvisionId, Guid.CreateVersion7(), DateTimeOffset.UtcNow.AddSeconds(5)));
        await Eventually.TrueAsync(() => platform.Live.WithDbAsync(db => db.Enrollments.AnyAsync(e => e.ProvisionId == c.ProvisionId && e.UserId == learner.UserId && !e.Active)),
            TimeSpan.FromSeconds(30), "the live service knows the enrollment ended");
    }

    public static async Task GoLiveAsync(Platform platform, LiveClass c, Guid sessionId)
    {
        var key = (await BroadcastAsync(c, sessionId)).GetProperty("streamKey").GetString()!;
        using var response = await NginxCallsAsync(platform, "on-publish", key);
        Assert.Equal(System.Net.HttpStatusCode.Found, response.StatusCode);
    }
}
