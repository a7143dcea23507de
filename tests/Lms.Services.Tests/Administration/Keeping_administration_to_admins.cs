using System.Net;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.OpenApi;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.Administration;

/// <summary>
/// Every operation under <c>/admin/</c> in the seven documents, called by each role but Admin, and by nobody. The identity
/// service trusts only tokens it issued, so there its callers are real accounts holding each role.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Keeping_administration_to_admins(Platform platform)
{
    private static readonly string[] OtherRoles = [Roles.Visitor, Roles.InstitutionManager, Roles.CompanySupervisor, Roles.Employee];

    [Fact]
    public async Task Every_admin_route_answers_403_to_every_other_role_and_401_to_nobody_and_changes_nothing()
    {
        var identityCallers = new Dictionary<string, Caller>(StringComparer.Ordinal);
        foreach (var role in OtherRoles)
        {
            identityCallers[role] = (await AdminScenarios.WithRoleAsync(platform, role)).Identity;
        }
        var target = await AdminScenarios.SignedInAsync(platform);
        var failures = new List<string>();
        var operations = 0;

        foreach (var (service, name, _) in ServiceDocuments.Operations(await ServiceDocuments.FetchAsync(platform))
                     .Where(o => o.Name.Contains("/admin/", StringComparison.Ordinal)))
        {
            operations++;
            var host = platform.All.Single(h => h.Name == service);
            var method = new HttpMethod(name.Split(' ')[0]);
            var path = name.Split(' ')[1].Replace("{id}", $"{target.UserId}", StringComparison.Ordinal);
            var body = method == HttpMethod.Post ? new { reason = AdminScenarios.Reason } : null;

            Expect(failures, name, "nobody", await Caller.Anonymous(host.Client).SendAsync(method, path, body), HttpStatusCode.Unauthorized);
            foreach (var role in OtherRoles)
            {
                var caller = service == "identity" ? identityCallers[role] : Caller.As(host.Client, role, Guid.CreateVersion7(), OrganisationTypeOf(role));
                Expect(failures, name, role, await caller.SendAsync(method, path, body), HttpStatusCode.Forbidden);
            }
        }

        Assert.True(operations >= 15, $"only {operations} admin operations were found");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        var admin = await AdminScenarios.AdminAsync(platform);
        var view = await (await admin.Identity.GetAsync($"/identity/v1/admin/users/{target.UserId}")).JsonAsync();
        Assert.Equal("ACTIVE", view.GetProperty("state").GetString());
        Assert.Equal(["Visitor"], view.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    private static void Expect(List<string> failures, string operation, string who, HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            failures.Add($"{operation} as {who}: {(int)response.StatusCode}, expected {(int)expected}");
        }
    }

    private static string? OrganisationTypeOf(string role) => role switch
    {
        Roles.InstitutionManager => "institution",
        Roles.CompanySupervisor or Roles.Employee => "company",
        _ => null,
    };
}
