using System.Net.Http.Json;
using System.Text.Json;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.Company;

public static class CompanyScenarios
{
    private static int _sequence = Random.Shared.Next(0, 1_000_000);

    public static string NewDomain() => $"corp{Guid.NewGuid():N}"[..16] + ".co.kr";

    public static object NewCompany(string domain, string name = "주식회사 테스트")
    {
        var n = Interlocked.Increment(ref _sequence);
        return new
        {
            name,
            ownerName = "박사장",
            businessNumber = $"{Random.Shared.Next(100, 999)}{n % 10_000_000:D7}",
            emailDomain = domain,
            phone = "02-987-6543",
            address = "서울시 강남구",
        };
    }

    /// <summary>A visitor registers a company; returns its id, domain and a supervisor of it.</summary>
    public static async Task<(Guid CompanyId, string Domain, Caller Supervisor)> RegisterAsync(Platform platform, string name = "주식회사 테스트")
    {
        var domain = NewDomain();
        var founder = Caller.Visitor(platform.Company.Client, email: $"boss@{domain}");
        var created = await founder.PostAsync("/company/v1/companies", NewCompany(domain, name));
        created.EnsureSuccessStatusCode();
        var companyId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (companyId, domain, Caller.As(platform.Company.Client, Roles.CompanySupervisor, companyId, "company", founder.UserId, $"boss@{domain}"));
    }

    /// <summary>A visitor at the company's domain joins it; returns them as an employee.</summary>
    public static async Task<Caller> JoinAsync(Platform platform, Guid companyId, string domain, Guid? userId = null)
    {
        var email = $"staff.{Guid.NewGuid():N}"[..18] + $"@{domain}";
        var visitor = Caller.Visitor(platform.Company.Client, userId, email);
        (await visitor.PostAsync($"/company/v1/companies/{companyId}/join", new { })).EnsureSuccessStatusCode();
        return Caller.As(platform.Company.Client, Roles.Employee, companyId, "company", visitor.UserId, email);
    }
}
