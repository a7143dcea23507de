using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Contracts.Learning;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Provision;
using Lms.Services.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Company;

[Collection(PlatformGroup.Name)]
public sealed class Following_learners_progress(Platform platform)
{
    private static async Task<JsonElement> ProgressAsync(Caller supervisor, Guid provisionId) =>
        await (await supervisor.GetAsync($"/company/v1/course-provides/{provisionId}/progress")).Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task The_supervisor_sees_each_rostered_employees_progress_and_completion()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var (first, second) = (await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain),
            await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain));
        var provisionId = await ProvisionScenarios.RegisteredAsync(platform, parties, [first, second]);

        // The student service enrolls both; its events reach the company.
        var enrolled = await Eventually.GetAsync(() => ProgressAsync(parties.Supervisor, provisionId),
            p => p.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("state").GetString() == "ACTIVE") == 2,
            TimeSpan.FromSeconds(30), "both employees show as learning");
        Assert.Equal(2, enrolled.GetProperty("learners").GetInt32());
        Assert.Equal(0, enrolled.GetProperty("completed").GetInt32());

        var enrollmentId = await platform.Student.WithDbAsync(db =>
            db.Enrollments.Where(e => e.ProvisionId == provisionId && e.UserId == first.UserId).Select(e => e.Id).SingleAsync());
        var bus = platform.Company.Services.GetRequiredService<IBus>();
        var now = DateTimeOffset.UtcNow;
        await bus.Publish(new EnrollmentProgressChanged(enrollmentId, first.UserId, provisionId, parties.CourseId, parties.CompanyId,
            parties.InstitutionId, 100m, now));
        await bus.Publish(new EnrollmentCompleted(enrollmentId, first.UserId, provisionId, parties.CourseId, parties.CompanyId,
            parties.InstitutionId, "LMS-20261123-TESTCERT", now));

        var progress = await Eventually.GetAsync(() => ProgressAsync(parties.Supervisor, provisionId),
            p => p.GetProperty("completed").GetInt32() == 1 && p.GetProperty("averageProgressPercent").GetDecimal() == 50m,
            TimeSpan.FromSeconds(30), "the supervisor sees the completion");
        var done = progress.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("userId").GetGuid() == first.UserId);
        Assert.Equal("COMPLETED", done.GetProperty("state").GetString());
        Assert.Equal("LMS-20261123-TESTCERT", done.GetProperty("certificateSerial").GetString());
        Assert.Equal(100m, done.GetProperty("progressPercent").GetDecimal());
    }

    [Fact]
    public async Task Employees_on_a_roster_not_yet_approved_are_waiting()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var employee = await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain);
        var provisionId = await ProvisionScenarios.RequestAsync(parties);
        await ProvisionScenarios.InstitutionSeesAsync(platform, provisionId, "REQUESTED");
        (await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/accept")).EnsureSuccessStatusCode();
        (await parties.Supervisor.PutAsync($"/company/v1/course-provides/{provisionId}/roster", new { userIds = new[] { employee.UserId } }))
            .EnsureSuccessStatusCode();

        var progress = await ProgressAsync(parties.Supervisor, provisionId);

        Assert.Equal("WAITING", Assert.Single(progress.GetProperty("items").EnumerateArray()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Only_the_companys_own_supervisors_see_its_learners()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var provisionId = await ProvisionScenarios.RequestAsync(parties);
        var (_, _, otherSupervisor) = await CompanyScenarios.RegisterAsync(platform, "다른회사");
        var employee = Caller.As(platform.Company.Client, Roles.Employee, parties.CompanyId, "company");

        var other = await otherSupervisor.GetAsync($"/company/v1/course-provides/{provisionId}/progress");
        var staff = await employee.GetAsync($"/company/v1/course-provides/{provisionId}/progress");
        var unknown = await parties.Supervisor.GetAsync($"/company/v1/course-provides/{Guid.NewGuid()}/progress");

        await other.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
