using System.Net;
using System.Text;
using System.Text.Json;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Company;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.Dashboards;

[Collection(PlatformGroup.Name)]
public sealed class Reading_the_company_dashboard(Platform platform)
{
    [Fact]
    public async Task The_supervisor_sees_the_provisions_numbers_and_each_learners_line()
    {
        var (parties, provisionId, first, _, _) = await DashboardScenarios.ThreeLearnersAsync(platform, "정회사원");

        var dashboard = await Eventually.GetAsync(() => DashboardScenarios.JsonAsync(parties.Supervisor, "/company/v1/dashboard"),
            d => d.GetProperty("provisions").EnumerateArray().Any(p => p.GetProperty("averageProgressPercent").GetDecimal() == 50m
                && p.GetProperty("completed").GetInt32() == 1 && p.GetProperty("averageEvaluationScore").ValueKind == JsonValueKind.Number
                && p.GetProperty("averageEvaluationScore").GetDecimal() == 75m),
            TimeSpan.FromSeconds(60), "the company's counters have every event");

        var provision = Assert.Single(dashboard.GetProperty("provisions").EnumerateArray());
        Assert.Equal(provisionId, provision.GetProperty("provisionId").GetGuid());
        Assert.Equal((2, 50m), (provision.GetProperty("learners").GetInt32(), provision.GetProperty("completionRate").GetDecimal()));
        Assert.Equal(1, dashboard.GetProperty("provisionsByState").GetProperty("REQUESTED").GetInt32());
        Assert.Equal(50m, dashboard.GetProperty("completionRate").GetDecimal());
        Assert.Equal(3, dashboard.GetProperty("learnerProgress").GetProperty("total").GetInt32());

        var records = await DashboardScenarios.JsonAsync(parties.Supervisor, $"/company/v1/dashboard/training-records?courseProvideId={provisionId}");
        var line = records.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("enrollmentId").GetGuid() == first);
        Assert.Equal(("LMS-DASH-0001", 80m, 75m), (line.GetProperty("certificateSerial").GetString(), line.GetProperty("progressPercent").GetDecimal(),
            line.GetProperty("evaluationScore").GetDecimal()));

        var attended = await Eventually.GetAsync(() => DashboardScenarios.JsonAsync(parties.Supervisor, $"/company/v1/dashboard/training-records?courseProvideId={provisionId}"),
            r => r.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("enrollmentId").GetGuid() == first).GetProperty("attendanceRate").ValueKind == JsonValueKind.Number,
            TimeSpan.FromSeconds(60), "the live attendance has landed");
        Assert.Equal(50m, attended.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("enrollmentId").GetGuid() == first).GetProperty("attendanceRate").GetDecimal());
        dashboard = await DashboardScenarios.JsonAsync(parties.Supervisor, "/company/v1/dashboard");
        Assert.Equal(50m, Assert.Single(dashboard.GetProperty("provisions").EnumerateArray()).GetProperty("averageAttendanceRate").GetDecimal());

        foreach (var path in new[] { "/company/v1/dashboard?format=csv", $"/company/v1/dashboard/training-records?courseProvideId={provisionId}&format=csv" })
        {
            var response = await parties.Supervisor.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
            Assert.StartsWith("\uFEFF", text);
            Assert.Contains("성명", text.Split("\r\n")[0]);
            Assert.Contains("LMS-DASH-0001", text);
        }
    }

    [Fact]
    public async Task An_operator_rebuilds_the_counters_to_the_same_numbers_and_a_supervisor_cannot()
    {
        var (parties, _, _, _, _) = await DashboardScenarios.ThreeLearnersAsync(platform, "서재계산");
        await Eventually.GetAsync(() => DashboardScenarios.JsonAsync(parties.Supervisor, "/company/v1/dashboard"),
            d => d.GetProperty("provisions").EnumerateArray().Any(p => p.GetProperty("averageProgressPercent").GetDecimal() == 50m
                && p.GetProperty("completed").GetInt32() == 1 && p.GetProperty("averageEvaluationScore").ValueKind == JsonValueKind.Number
                && p.GetProperty("averageAttendanceRate").ValueKind == JsonValueKind.Number),
            TimeSpan.FromSeconds(60), "the company's counters have every event");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = (await DashboardScenarios.JsonAsync(parties.Supervisor, "/company/v1/dashboard")).GetRawText();

        Assert.Equal(HttpStatusCode.Forbidden, (await parties.Supervisor.PostAsync("/company/v1/dashboard/rebuild")).StatusCode);
        var admin = Caller.As(platform.Company.Client, Roles.Admin);
        var response = await admin.PostAsync("/company/v1/dashboard/rebuild");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, (await DashboardScenarios.JsonAsync(parties.Supervisor, "/company/v1/dashboard")).GetRawText());
    }

    [Fact]
    public async Task Only_the_companys_own_supervisors_read_it_and_bad_input_names_the_field()
    {
        var (parties, provisionId, _, _, _) = await DashboardScenarios.ThreeLearnersAsync(platform, "한격리");
        var (_, _, otherSupervisor) = await CompanyScenarios.RegisterAsync(platform, "남의회사");
        var employee = Caller.As(platform.Company.Client, Roles.Employee, parties.CompanyId, "company");

        await (await otherSupervisor.GetAsync($"/company/v1/dashboard/training-records?courseProvideId={provisionId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/company/v1/dashboard")).StatusCode);
        var manager = Caller.As(platform.Company.Client, Roles.InstitutionManager, parties.InstitutionId, "institution");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/company/v1/dashboard")).StatusCode);
        var others = await DashboardScenarios.JsonAsync(otherSupervisor, "/company/v1/dashboard");
        Assert.Empty(others.GetProperty("provisions").EnumerateArray());

        foreach (var (path, field) in new[]
                 {
                     ("/company/v1/dashboard?format=xml", "format"), ("/company/v1/dashboard?size=500", "size"),
                     ("/company/v1/dashboard/training-records?courseProvideId=x", "courseProvideId"),
                 })
        {
            var problem = await (await parties.Supervisor.GetAsync(path)).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{path} names {field}");
        }
    }
}
