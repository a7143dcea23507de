using System.Net;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.Company;

/// <summary>Every company endpoint × every kind of caller: only the allowed ones get through.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Company_role_matrix(Platform platform)
{
    public static TheoryData<string, string, string> Endpoints => new()
    {
        { "POST", "/company/v1/companies", "visitor" },
        { "GET", "/company/v1/companies?q=x", "signed-in" },
        { "GET", "/company/v1/companies/email-check?email=a@b.example", "signed-in" },
        { "POST", "/company/v1/companies/{company}/join", "visitor" },
        { "GET", "/company/v1/companies/mine", "supervisor" },
        { "PUT", "/company/v1/companies/mine", "supervisor" },
        { "POST", "/company/v1/invitations", "supervisor" },
        { "GET", "/company/v1/members", "supervisor" },
        { "PATCH", "/company/v1/members/{member}", "supervisor" },
        { "DELETE", "/company/v1/members/{member}", "supervisor" },
        { "DELETE", "/company/v1/membership", "employee" },
        { "POST", "/company/v1/course-provides", "supervisor" },
        { "GET", "/company/v1/course-provides", "supervisor" },
        { "GET", "/company/v1/course-provides/{provision}", "supervisor" },
        { "POST", "/company/v1/course-provides/{provision}/cancel", "supervisor" },
        { "PUT", "/company/v1/course-provides/{provision}/roster", "supervisor" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Lets_through_only_who_may(string method, string template, string allowed)
    {
        var (companyId, domain, supervisor) = await CompanyScenarios.RegisterAsync(platform);
        var client = platform.Company.Client;
        var callers = new Dictionary<string, Func<Task<Caller>>>
        {
            ["anonymous"] = () => Task.FromResult(Caller.Anonymous(client)),
            ["visitor"] = () => Task.FromResult(Caller.Visitor(client, email: $"v{Guid.NewGuid():N}@{domain}")),
            ["supervisor"] = () => Task.FromResult(supervisor),
            ["employee"] = () => CompanyScenarios.JoinAsync(platform, companyId, domain),
            ["manager"] = () => Task.FromResult(Caller.As(client, Roles.InstitutionManager, Guid.NewGuid(), "institution")),
            ["admin"] = () => Task.FromResult(Caller.As(client, Roles.Admin)),
        };

        foreach (var (who, make) in callers)
        {
            var caller = await make();
            var member = await CompanyScenarios.JoinAsync(platform, companyId, domain);
            var path = template.Replace("{company}", companyId.ToString(), StringComparison.Ordinal)
                .Replace("{member}", member.UserId.ToString(), StringComparison.Ordinal)
                .Replace("{provision}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            var response = await caller.SendAsync(new HttpMethod(method), path, BodyFor(template, domain));
            var permitted = allowed switch
            {
                "signed-in" => who != "anonymous",
                _ => who == allowed,
            };
            var ok = permitted
                ? response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)response.StatusCode < 500
                : response.StatusCode == (who == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden);
            Assert.True(ok, $"{who} {method} {template} → {(int)response.StatusCode}");
        }
    }

    private static object? BodyFor(string template, string domain) => template switch
    {
        "/company/v1/companies" => CompanyScenarios.NewCompany(CompanyScenarios.NewDomain()),
        // Editing keeps the domain, so the next callers can still join by it.
        "/company/v1/companies/mine" => CompanyScenarios.NewCompany(domain),
        "/company/v1/companies/{company}/join" => new { },
        "/company/v1/invitations" => new { email = "someone@example.com" },
        "/company/v1/members/{member}" => new { role = "SUPERVISOR" },
        "/company/v1/course-provides" => new { courseId = Guid.NewGuid(), beginDate = "2099-01-01", endDate = "2099-02-01", seats = 1 },
        "/company/v1/course-provides/{provision}/roster" => new { userIds = Array.Empty<Guid>() },
        _ => null,
    };
}
