using System.Net.Http.Json;
using System.Text.Json;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Administration;
using Lms.Services.Tests.Board;
using Lms.Services.Tests.Company;
using Lms.Services.Tests.Live;
using Lms.Services.Tests.Provision;
using Lms.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Security;

/// <summary>
/// One organisation's real resources in every service (an institution with a published course, a company with an
/// employee on a registered provision, a live session, a board notice), so the authorization matrix can aim other
/// organisations' callers at ids that exist. A path parameter is filled by the segment before it; one this world has no
/// resource for gets a fresh id (the operation is then still checked for its roles and for never answering 5xx).
/// </summary>
public sealed class MatrixWorld
{
    private readonly Dictionary<string, Dictionary<string, string>> _ids = new(StringComparer.Ordinal);

    private readonly Dictionary<string, Dictionary<string, Caller>> _owners = new(StringComparer.Ordinal);

    private readonly Dictionary<string, Caller> _identitySessions = new(StringComparer.Ordinal);

    /// <summary>
    /// A real signed-in account of <paramref name="role"/> (of no organisation of this world): the identity service trusts
    /// only the tokens it issued, so its role-restricted operations are called by these.
    /// </summary>
    public Caller IdentitySession(string role) => _identitySessions[role];

    /// <summary>This world's own caller of <paramref name="role"/> for a service's resources, if it has one.</summary>
    public Caller? Owner(string service, string role) => _owners[service].GetValueOrDefault(role);

    public static async Task<MatrixWorld> CreateAsync(Platform platform)
    {
        var world = new MatrixWorld();
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var employee = await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain);
        var provisionId = await ProvisionScenarios.RegisteredAsync(platform, parties, [employee]);
        var enrollmentId = await Eventually.GetAsync(
            () => platform.Student.WithDbAsync(db => db.Enrollments.Where(e => e.ProvisionId == provisionId).Select(e => (Guid?)e.Id).FirstOrDefaultAsync()),
            id => id is not null, TimeSpan.FromSeconds(30), "the student service made the employee's enrollment");

        var shared = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["institutions"] = $"{parties.InstitutionId}",
            ["courses"] = $"{parties.CourseId}",
            ["catalog"] = $"{parties.CourseId}",
            ["course-provides"] = $"{provisionId}",
            ["companies"] = $"{parties.CompanyId}",
            ["members"] = $"{employee.UserId}",
            ["managers"] = $"{parties.Manager.UserId}",
            ["enrollments"] = $"{enrollmentId}",
            ["courseId"] = $"{parties.CourseId}",
            ["courseProvideId"] = $"{provisionId}",
        };
        foreach (var service in new[] { "identity", "institution", "company", "student", "content" })
        {
            world._ids[service] = shared;
            world._owners[service] = new(StringComparer.Ordinal)
            {
                [Roles.InstitutionManager] = parties.Manager,
                [Roles.CompanySupervisor] = parties.Supervisor,
                [Roles.Employee] = employee,
            };
        }

        var live = await LiveScenarios.ClassAsync(platform);
        var session = await LiveScenarios.ScheduleAsync(live);
        world._ids["live"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sessions"] = $"{session.GetProperty("id").GetGuid()}",
            ["courseProvideId"] = $"{live.ProvisionId}",
        };
        world._owners["live"] = new(StringComparer.Ordinal) { [Roles.InstitutionManager] = live.Manager, [Roles.Employee] = live.Learner };

        var board = await BoardScenarios.ClassAsync(platform);
        var notice = await board.Manager.PostAsync($"/board/v1/course-provides/{board.ProvisionId}/posts",
            new { type = "NOTICE", title = "공지", body = "매트릭스 공지" });
        notice.EnsureSuccessStatusCode();
        world._ids["board"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["course-provides"] = $"{board.ProvisionId}",
            ["posts"] = $"{(await notice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}",
        };
        world._owners["board"] = new(StringComparer.Ordinal) { [Roles.InstitutionManager] = board.Manager, [Roles.Employee] = board.Learner };

        foreach (var role in Roles.All)
        {
            world._identitySessions[role] = (await AdminScenarios.WithRoleAsync(platform, role)).Identity;
        }
        return world;
    }

    /// <summary>
    /// The path with every parameter filled, and whether any of them names a resource of this world (only then is a
    /// success for another organisation a leak).
    /// </summary>
    public (string Path, bool NamesOwnedResource) Fill(string service, string template, JsonElement operation)
    {
        var known = _ids[service];
        var segments = template.Split('/');
        var owned = false;
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
            {
                continue;
            }
            var name = segments[i].Trim('{', '}');
            if (ParameterType(operation, name) is "integer")
            {
                segments[i] = "1";
            }
            else if (i > 0 && known.TryGetValue(segments[i - 1], out var id) && (name is "id" || name.EndsWith("Id", StringComparison.Ordinal)))
            {
                segments[i] = id;
                owned = true;
            }
            else
            {
                segments[i] = $"{Guid.CreateVersion7()}";
            }
        }

        var query = new List<string>();
        foreach (var parameter in Parameters(operation).Where(p => p.GetProperty("in").GetString() == "query"
            && p.TryGetProperty("required", out var required) && required.GetBoolean()))
        {
            var name = parameter.GetProperty("name").GetString()!;
            if (known.TryGetValue(name, out var id))
            {
                query.Add($"{name}={id}");
                owned = true;
            }
            else
            {
                query.Add($"{name}={Guid.CreateVersion7()}");
            }
        }
        var path = string.Join('/', segments);
        return (query.Count == 0 ? path : $"{path}?{string.Join('&', query)}", owned);
    }

    private static List<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters) ? [.. parameters.EnumerateArray()] : [];

    private static string? ParameterType(JsonElement operation, string name) =>
        Parameters(operation).Where(p => p.GetProperty("name").GetString() == name)
            .Select(p => p.TryGetProperty("schema", out var schema) && schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                ? type.GetString() : null)
            .FirstOrDefault();
}
