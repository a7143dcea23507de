using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Company;
using Lms.Services.Tests.Institution;
using Lms.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Provision;

/// <summary>Both sides of a contract, ready to make one.</summary>
public sealed record Parties(Guid InstitutionId, Caller Manager, Guid CourseId, Guid CompanyId, string Domain, Caller Supervisor);

public static class ProvisionScenarios
{
    /// <summary>An institution with a published 30-day course that the company service already knows, and a company.</summary>
    public static async Task<Parties> PartiesAsync(Platform platform)
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, "계약교육원");
        var courseId = await InstitutionScenarios.PublishedCourseAsync(platform, institutionId, manager, "계약 과정");
        await Eventually.TrueAsync(() => platform.Company.WithDbAsync(db => db.CatalogCourses.AnyAsync(c => c.CourseId == courseId && c.State == "PUBLISHED")),
            TimeSpan.FromSeconds(30), "the company service knows the published course");
        var (companyId, domain, supervisor) = await CompanyScenarios.RegisterAsync(platform, "계약회사");
        return new Parties(institutionId, manager, courseId, companyId, domain, supervisor);
    }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));

    public static object Terms(Guid courseId, int seats = 3, int startInDays = 7, int lengthDays = 30) => new
    {
        courseId,
        beginDate = Today.AddDays(startInDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        endDate = Today.AddDays(startInDays + lengthDays - 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        seats,
        deposit = "교육비 1,000,000원",
    };

    public static async Task<Guid> RequestAsync(Parties parties, int seats = 3)
    {
        var response = await parties.Supervisor.PostAsync("/company/v1/course-provides", Terms(parties.CourseId, seats));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Waits until the institution's copy of the provision has reached <paramref name="state"/>.</summary>
    public static Task InstitutionSeesAsync(Platform platform, Guid provisionId, string state) =>
        Eventually.TrueAsync(() => platform.Institution.WithDbAsync(db => db.Provisions.AnyAsync(p => p.Id == provisionId && p.State == state)),
            TimeSpan.FromSeconds(30), $"the institution sees provision {provisionId} as {state}");

    /// <summary>Requested, accepted, roster of <paramref name="employees"/> submitted and approved.</summary>
    public static async Task<Guid> RegisteredAsync(Platform platform, Parties parties, IReadOnlyList<Caller> employees)
    {
        var provisionId = await RequestAsync(parties, seats: Math.Max(employees.Count, 1) + 2);
        await InstitutionSeesAsync(platform, provisionId, "REQUESTED");
        (await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/accept")).EnsureSuccessStatusCode();
        (await parties.Supervisor.PutAsync($"/company/v1/course-provides/{provisionId}/roster",
            new { userIds = employees.Select(e => e.UserId).ToArray() })).EnsureSuccessStatusCode();
        await InstitutionSeesAsync(platform, provisionId, "ROSTER_SUBMITTED");
        (await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/approve-roster")).EnsureSuccessStatusCode();
        return provisionId;
    }
}
