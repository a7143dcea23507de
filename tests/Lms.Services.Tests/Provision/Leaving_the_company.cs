using System.Net;
using Lms.Services.Tests.Company;
using Lms.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Provision;

/// <summary>Employment ends access: a removed or departing employee's enrollments end at once, their records stay.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Leaving_the_company(Platform platform)
{
    [Fact]
    public async Task A_removed_employee_loses_the_enrollment_and_the_roster_place_and_a_colleague_keeps_theirs()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var leaving = await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain);
        var staying = await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain);
        var provisionId = await ProvisionScenarios.RegisteredAsync(platform, parties, [leaving, staying]);
        await Eventually.GetAsync(() => platform.Student.WithDbAsync(db => db.Enrollments.CountAsync(e => e.ProvisionId == provisionId && e.State == "ACTIVE")),
            n => n == 2, TimeSpan.FromSeconds(30), "both are enrolled");

        var removed = await parties.Supervisor.DeleteAsync($"/company/v1/members/{leaving.UserId}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await Eventually.TrueAsync(() => platform.Student.WithDbAsync(db => db.Enrollments.AnyAsync(e =>
                e.ProvisionId == provisionId && e.UserId == leaving.UserId && e.State == "CANCELLED")),
            TimeSpan.FromSeconds(30), "the removed employee's enrollment is cancelled");
        Assert.True(await platform.Student.WithDbAsync(db => db.Enrollments.AnyAsync(e =>
            e.ProvisionId == provisionId && e.UserId == staying.UserId && e.State == "ACTIVE")));
        var stored = await platform.Company.WithDbAsync(db => db.Provisions.AsNoTracking().SingleAsync(p => p.Id == provisionId));
        Assert.Equal([staying.UserId], stored.Roster);
    }

    [Fact]
    public async Task An_employee_who_leaves_can_no_longer_read_the_class_board()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var leaving = await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain);
        var provisionId = await ProvisionScenarios.RegisteredAsync(platform, parties, [leaving]);
        var onBoard = Caller.As(platform.Board.Client, Lms.ServiceDefaults.Security.Roles.Employee, parties.CompanyId, "company", leaving.UserId);
        await Eventually.TrueAsync(async () => (await onBoard.GetAsync($"/board/v1/course-provides/{provisionId}/posts")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the enrolled employee reads the board");

        (await leaving.DeleteAsync("/company/v1/membership")).EnsureSuccessStatusCode();

        await Eventually.TrueAsync(async () => (await onBoard.GetAsync($"/board/v1/course-provides/{provisionId}/posts")).StatusCode == HttpStatusCode.NotFound,
            TimeSpan.FromSeconds(30), "the board refuses the former employee");
    }
}
