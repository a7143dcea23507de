using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Company.Provisions;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Company;
using Lms.Services.Tests.Institution;
using Lms.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Provision;

[Collection(PlatformGroup.Name)]
public sealed class Providing_a_course(Platform platform)
{
    [Fact]
    public async Task From_request_to_registration_the_rostered_employees_are_enrolled()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var employees = new[]
        {
            await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain),
            await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain),
        };

        var provisionId = await ProvisionScenarios.RegisteredAsync(platform, parties, employees);

        foreach (var employee in employees)
        {
            var learner = Caller.As(platform.Student.Client, Roles.Employee, parties.CompanyId, "company", employee.UserId);
            var enrollments = await Eventually.GetAsync(
                async () => await (await learner.GetAsync("/student/v1/enrollments")).Content.ReadFromJsonAsync<JsonElement>(),
                e => e.GetProperty("total").GetInt32() == 1, TimeSpan.FromSeconds(30), "the employee sees the enrollment");
            var enrollment = enrollments.GetProperty("items")[0];
            Assert.Equal(provisionId, enrollment.GetProperty("courseProvideId").GetGuid());
            Assert.Equal("계약 과정", enrollment.GetProperty("courseTitle").GetString());
            Assert.Equal("계약교육원", enrollment.GetProperty("institutionName").GetString());
            Assert.Equal("ACTIVE", enrollment.GetProperty("state").GetString());
        }

        var seenByCompany = await (await parties.Supervisor.GetAsync($"/company/v1/course-provides/{provisionId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("REGISTERED", seenByCompany.GetProperty("state").GetString());
        Assert.Equal(["REQUESTED", "ACCEPTED", "ROSTER_SUBMITTED", "REGISTERED"],
            seenByCompany.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        await ProvisionScenarios.InstitutionSeesAsync(platform, provisionId, "REGISTERED");
        var seenByInstitution = await (await parties.Manager.GetAsync($"/institution/v1/course-provides/{provisionId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, seenByInstitution.GetProperty("history").GetArrayLength());
        Assert.Equal(parties.Manager.UserId, seenByInstitution.GetProperty("history")[1].GetProperty("by").GetGuid());
    }

    [Fact]
    public async Task Amending_the_roster_after_registration_cancels_at_once_and_enrolls_once_the_institution_approves()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var stays = await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain);
        var leaves = await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain);
        var joins = await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain);
        var provisionId = await ProvisionScenarios.RegisteredAsync(platform, parties, [stays, leaves]);
        await Eventually.TrueAsync(() => platform.Student.WithDbAsync(db => db.Enrollments.CountAsync(e => e.ProvisionId == provisionId)).ContinueWith(t => t.Result == 2),
            TimeSpan.FromSeconds(30), "two enrollments");

        var amended = await parties.Supervisor.PutAsync($"/company/v1/course-provides/{provisionId}/roster", new { userIds = new[] { stays.UserId, joins.UserId } });

        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        await Eventually.TrueAsync(async () =>
        {
            var states = await platform.Student.WithDbAsync(db => db.Enrollments.Where(e => e.ProvisionId == provisionId)
                .ToDictionaryAsync(e => e.UserId, e => e.State));
            return states.GetValueOrDefault(leaves.UserId) == "CANCELLED" && !states.ContainsKey(joins.UserId);
        }, TimeSpan.FromSeconds(30), "the removal applies at once and the addition waits");
        await Eventually.TrueAsync(async () =>
            (await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/approve-amendment")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the institution approves the amendment once it sees it");
        await Eventually.TrueAsync(async () =>
        {
            var states = await platform.Student.WithDbAsync(db => db.Enrollments.Where(e => e.ProvisionId == provisionId)
                .ToDictionaryAsync(e => e.UserId, e => e.State));
            return states.GetValueOrDefault(stays.UserId) == "ACTIVE" && states.GetValueOrDefault(leaves.UserId) == "CANCELLED"
                && states.GetValueOrDefault(joins.UserId) == "ACTIVE";
        }, TimeSpan.FromSeconds(30), "enrollments follow the amended roster");
    }

    [Fact]
    public async Task The_company_and_institution_come_from_the_token_and_the_course_not_from_the_body()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var (otherCompany, _, _) = await CompanyScenarios.RegisterAsync(platform);
        var terms = JsonSerializer.SerializeToElement(ProvisionScenarios.Terms(parties.CourseId), JsonSerializerOptions.Web)
            .EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        terms["companyId"] = otherCompany;
        terms["institutionId"] = Guid.NewGuid();

        var response = await parties.Supervisor.PostAsync("/company/v1/course-provides", terms);

        var provision = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(parties.CompanyId, provision.GetProperty("companyId").GetGuid());
        Assert.Equal(parties.InstitutionId, provision.GetProperty("institutionId").GetGuid());
    }

    [Fact]
    public async Task A_draft_course_past_dates_a_too_short_period_and_no_seats_are_refused()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var draft = await InstitutionScenarios.CreateCourseAsync(parties.Manager, "초안");

        var cases = new (object Body, string Field)[]
        {
            (ProvisionScenarios.Terms(draft), "courseId"),
            (ProvisionScenarios.Terms(parties.CourseId, startInDays: -1), "beginDate"),
            (ProvisionScenarios.Terms(parties.CourseId, lengthDays: 10), "endDate"),
            (ProvisionScenarios.Terms(parties.CourseId, seats: 0), "seats"),
            (ProvisionScenarios.Terms(parties.CourseId, seats: 10_001), "seats"),
        };
        foreach (var (body, field) in cases)
        {
            var response = await parties.Supervisor.PostAsync("/company/v1/course-provides", body);
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }
        Assert.Equal(0, await platform.Company.WithDbAsync(db => db.Provisions.CountAsync(p => p.CompanyId == parties.CompanyId)));
    }

    [Fact]
    public async Task A_roster_with_a_stranger_a_duplicate_or_too_many_people_names_each_and_stores_nothing()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var member = await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain);
        var provisionId = await ProvisionScenarios.RequestAsync(parties, seats: 2);
        await ProvisionScenarios.InstitutionSeesAsync(platform, provisionId, "REQUESTED");
        (await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/accept")).EnsureSuccessStatusCode();

        var response = await parties.Supervisor.PutAsync($"/company/v1/course-provides/{provisionId}/roster",
            new { userIds = new[] { member.UserId, Guid.NewGuid(), member.UserId } });

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("userIds[1]", out _));
        Assert.True(errors.TryGetProperty("userIds[2]", out _));
        Assert.True(errors.TryGetProperty("userIds", out _));
        var stored = await platform.Company.WithDbAsync(db => db.Provisions.AsNoTracking().SingleAsync(p => p.Id == provisionId));
        Assert.Equal("ACCEPTED", stored.State);
        Assert.Empty(stored.Roster);
    }

    [Fact]
    public async Task A_move_from_the_wrong_state_is_409_with_the_current_state()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var provisionId = await ProvisionScenarios.RequestAsync(parties);
        await ProvisionScenarios.InstitutionSeesAsync(platform, provisionId, "REQUESTED");

        var approveTooEarly = await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/approve-roster");
        var rosterTooEarly = await parties.Supervisor.PutAsync($"/company/v1/course-provides/{provisionId}/roster", new { userIds = Array.Empty<Guid>() });

        Assert.Equal("REQUESTED", (await approveTooEarly.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("state").GetString());
        Assert.Equal("REQUESTED", (await rosterTooEarly.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Of_a_racing_accept_and_cancel_exactly_one_wins()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var provisionId = await ProvisionScenarios.RequestAsync(parties);
        await ProvisionScenarios.InstitutionSeesAsync(platform, provisionId, "REQUESTED");

        var accept = parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/accept");
        var cancel = parties.Supervisor.PostAsync($"/company/v1/course-provides/{provisionId}/cancel");
        var answers = await Task.WhenAll(accept, cancel);

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var final = await platform.Company.WithDbAsync(db => db.Provisions.AsNoTracking().SingleAsync(p => p.Id == provisionId));
        Assert.Equal(answers[0].StatusCode == HttpStatusCode.OK ? "ACCEPTED" : "CANCELLED", final.State);
        Assert.Equal(2, final.History.Count);
    }

    [Fact]
    public async Task Another_partys_provision_does_not_exist_for_them()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var provisionId = await ProvisionScenarios.RequestAsync(parties);
        await ProvisionScenarios.InstitutionSeesAsync(platform, provisionId, "REQUESTED");
        var (_, _, otherSupervisor) = await CompanyScenarios.RegisterAsync(platform);
        var (_, otherManager) = await InstitutionScenarios.RegisterAsync(platform);

        await (await otherSupervisor.GetAsync($"/company/v1/course-provides/{provisionId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherSupervisor.PostAsync($"/company/v1/course-provides/{provisionId}/cancel")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherManager.GetAsync($"/institution/v1/course-provides/{provisionId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherManager.PostAsync($"/institution/v1/course-provides/{provisionId}/accept")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Declining_needs_a_reason_which_both_sides_then_see()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var provisionId = await ProvisionScenarios.RequestAsync(parties);
        await ProvisionScenarios.InstitutionSeesAsync(platform, provisionId, "REQUESTED");

        var withoutReason = await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/decline", new { });
        var declined = await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/decline", new { reason = "정원 마감" });

        await withoutReason.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var seen = await (await parties.Supervisor.GetAsync($"/company/v1/course-provides/{provisionId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("정원 마감", seen.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Both_sides_list_their_provisions_by_state()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var first = await ProvisionScenarios.RequestAsync(parties);
        var second = await ProvisionScenarios.RequestAsync(parties);
        (await parties.Supervisor.PostAsync($"/company/v1/course-provides/{second}/cancel")).EnsureSuccessStatusCode();
        await ProvisionScenarios.InstitutionSeesAsync(platform, second, "CANCELLED");

        var requested = await (await parties.Supervisor.GetAsync("/company/v1/course-provides?state=REQUESTED")).Content.ReadFromJsonAsync<JsonElement>();
        var cancelled = await (await parties.Manager.GetAsync("/institution/v1/course-provides?state=CANCELLED")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal([first], requested.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal([second], cancelled.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task The_date_catch_up_moves_a_registered_provision_through_to_finished_even_after_missed_days()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var employee = await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain);
        var provisionId = await ProvisionScenarios.RegisteredAsync(platform, parties, [employee]);
        // As if the whole period passed while the job was not running.
        await platform.Company.WithDbAsync(db => db.Provisions.Where(p => p.Id == provisionId).ExecuteUpdateAsync(p => p
            .SetProperty(x => x.BeginDate, ProvisionScenarios.Today.AddDays(-40))
            .SetProperty(x => x.EndDate, ProvisionScenarios.Today.AddDays(-10))));

        var job = platform.Company.Services.GetRequiredService<ProvisionCatchUp>();
        await job.RunOnceAsync(CancellationToken.None);
        var movedAgain = await job.RunOnceAsync(CancellationToken.None);

        var provision = await platform.Company.WithDbAsync(db => db.Provisions.AsNoTracking().SingleAsync(p => p.Id == provisionId));
        Assert.Equal("FINISHED", provision.State);
        Assert.Equal(["IN_PROGRESS", "FINISHED"], provision.History.TakeLast(2).Select(h => h.To));
        Assert.Equal(0, movedAgain);
        await ProvisionScenarios.InstitutionSeesAsync(platform, provisionId, "FINISHED");
    }
}
