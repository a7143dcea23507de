using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Company;
using Lms.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Provision;

/// <summary>After registration the company changes its roster; the institution decides on additions.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Amending_a_registered_roster(Platform platform)
{
    [Fact]
    public async Task Additions_wait_for_the_institution_and_are_enrolled_once_it_approves()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var first = await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain);
        var newcomer = await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain);
        var provisionId = await ProvisionScenarios.RegisteredAsync(platform, parties, [first]);

        var amended = await (await parties.Supervisor.PutAsync($"/company/v1/course-provides/{provisionId}/roster",
            new { userIds = new[] { first.UserId, newcomer.UserId } })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal([first.UserId], amended.GetProperty("roster").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal([newcomer.UserId], amended.GetProperty("pendingAdditions").EnumerateArray().Select(e => e.GetGuid()));
        await Eventually.TrueAsync(() => platform.Institution.WithDbAsync(async db => (await db.Provisions.AsNoTracking().SingleAsync(p => p.Id == provisionId)).PendingAdditions.Count == 1),
            TimeSpan.FromSeconds(30), "the institution sees the amendment");
        Assert.False(await platform.Student.WithDbAsync(db => db.Enrollments.AnyAsync(e => e.ProvisionId == provisionId && e.UserId == newcomer.UserId)));

        var approved = await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/approve-amendment");

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        await Eventually.TrueAsync(() => platform.Student.WithDbAsync(db => db.Enrollments.AnyAsync(e =>
                e.ProvisionId == provisionId && e.UserId == newcomer.UserId && e.State == "ACTIVE")),
            TimeSpan.FromSeconds(30), "the newcomer is enrolled");
    }

    [Fact]
    public async Task A_returned_amendment_adds_nobody_and_both_sides_see_why()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var first = await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain);
        var newcomer = await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain);
        var provisionId = await ProvisionScenarios.RegisteredAsync(platform, parties, [first]);
        (await parties.Supervisor.PutAsync($"/company/v1/course-provides/{provisionId}/roster",
            new { userIds = new[] { first.UserId, newcomer.UserId } })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => platform.Institution.WithDbAsync(async db => (await db.Provisions.AsNoTracking().SingleAsync(p => p.Id == provisionId)).PendingAdditions.Count == 1),
            TimeSpan.FromSeconds(30), "the institution sees the amendment");

        var withoutReason = await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/return-amendment", new { });
        var returned = await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/return-amendment", new { reason = "추가 인원 확인 필요" });

        await withoutReason.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var seen = await (await parties.Supervisor.GetAsync($"/company/v1/course-provides/{provisionId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(seen.GetProperty("pendingAdditions").EnumerateArray());
        Assert.Equal([first.UserId], seen.GetProperty("roster").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Contains("추가 인원 확인 필요", seen.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_with_no_amendment_waiting_is_409_with_the_state()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var first = await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain);
        var provisionId = await ProvisionScenarios.RegisteredAsync(platform, parties, [first]);

        var response = await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/approve-amendment");

        Assert.Equal("REGISTERED", (await response.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_amendment_adding_more_people_than_free_seats_is_400_naming_the_overflow_and_changes_nothing()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var first = await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain);
        var extra = new List<Caller>();
        for (var i = 0; i < 3; i++)
        {
            extra.Add(await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain));
        }
        // RegisteredAsync gives one roster entry 3 seats: two are free.
        var provisionId = await ProvisionScenarios.RegisteredAsync(platform, parties, [first]);

        var response = await parties.Supervisor.PutAsync($"/company/v1/course-provides/{provisionId}/roster",
            new { userIds = new[] { first.UserId }.Concat(extra.Select(e => e.UserId)).ToArray() });

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("userIds[3]", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("userIds[1]", out _));
        var stored = await platform.Company.WithDbAsync(db => db.Provisions.AsNoTracking().SingleAsync(p => p.Id == provisionId));
        Assert.Empty(stored.PendingAdditions);
        Assert.Equal([first.UserId], stored.Roster);
    }
}
