using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Lms.ServiceDefaults.OpenApi;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.OpenApi;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.Security;

/// <summary>
/// Generated from the seven OpenAPI documents: every operation × anonymous and every role, each role's caller from an
/// organisation that does not own the resources in the path. The roles an operation admits are pinned in
/// <c>authorization-matrix.txt</c>, so a new operation, or a change of who may call one, fails here until it is
/// reviewed and the file updated.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Authorization_matrix(Platform platform)
{
    /// <summary>Operations whose resource is meant to be read by any signed-in user, whatever their organisation.</summary>
    private static readonly HashSet<string> SharedAcrossOrganisations =
    [
        "GET /institution/v1/institutions/{id}", // the public profile
        "GET /institution/v1/catalog/{id}", // a published course in the catalog
    ];

    [Fact]
    public async Task Every_operation_has_a_reviewed_entry_naming_the_roles_it_admits()
    {
        var actual = await MatrixAsync();
        // Policies that intersect to no role (a group's and an endpoint's) make an operation nobody can call.
        Assert.DoesNotContain(" nobody", actual, StringComparison.Ordinal);
        var pinned = File.Exists(PinnedPath()) ? await File.ReadAllTextAsync(PinnedPath()) : "";

        if (!string.Equals(pinned.ReplaceLineEndings("\n"), actual, StringComparison.Ordinal))
        {
            var proposed = Path.ChangeExtension(PinnedPath(), ".actual.txt");
            await File.WriteAllTextAsync(proposed, actual);
            var added = actual.Split('\n').Except(pinned.ReplaceLineEndings("\n").Split('\n'));
            var removed = pinned.ReplaceLineEndings("\n").Split('\n').Except(actual.Split('\n'));
            Assert.Fail($"The operations or their roles changed; review and copy {proposed} over {PinnedPath()}.\n"
                + $"new or changed:\n  {string.Join("\n  ", added)}\ngone or changed:\n  {string.Join("\n  ", removed)}");
        }
    }

    [Fact]
    public async Task Every_role_and_organisation_gets_the_documented_answer_and_nothing_leaks()
    {
        var world = await MatrixWorld.CreateAsync(platform);
        var documents = await ServiceDocuments.FetchAsync(platform);
        var failures = new List<string>();
        var checkedCalls = 0;

        foreach (var (service, document) in documents)
        {
            var host = platform.All.Single(h => h.Name == service);
            foreach (var (_, name, operation) in ServiceDocuments.Operations([(service, document)]))
            {
                var (method, template) = (name.Split(' ')[0], name.Split(' ')[1]);
                var (path, owned) = world.Fill(service, template, operation);
                var body = SchemaSamples.BodySchema(document, operation) is { } schema ? SchemaSamples.Sample(document, schema) : null;
                var admitted = Admitted(operation);

                var anonymous = await Caller.Anonymous(host.Client).SendAsync(new HttpMethod(method), path, body);
                checkedCalls++;
                Expect(failures, name, "anonymous", anonymous.StatusCode, admitted is null ? Outcome.Answers : Outcome.Unauthorized);

                foreach (var role in Roles.All)
                {
                    // Identity validates only its own tokens: a minted one is a 401 there, which would hide a missing 403.
                    var caller = service == "identity" && admitted is not null && admitted.Count < Roles.All.Count
                        ? world.IdentitySession(role)
                        : Caller.As(host.Client, role, OrganisationOf(role), OrganisationTypeOf(role), email: $"matrix.{Guid.NewGuid():N}@example.com");
                    var response = await caller.SendAsync(new HttpMethod(method), path, body);
                    checkedCalls++;
                    var expected = admitted is not null && !admitted.Contains(role) ? Outcome.Forbidden
                        : owned && role != Roles.Admin && !SharedAcrossOrganisations.Contains(name) ? Outcome.NotGranted
                        : Outcome.Answers;
                    Expect(failures, name, $"{role} of another organisation", response.StatusCode, expected);
                }
            }
        }

        Assert.True(checkedCalls > 700, $"only {checkedCalls} calls were made");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCalls} calls answered wrongly:\n{string.Join('\n', failures)}");
    }

    private enum Outcome
    {
        /// <summary>Anything but a server error.</summary>
        Answers,

        Unauthorized,
        Forbidden,

        /// <summary>Another organisation's resource: refused (4xx), never a success.</summary>
        NotGranted,
    }

    private static void Expect(List<string> failures, string operation, string who, HttpStatusCode status, Outcome expected)
    {
        var code = (int)status;
        var right = expected switch
        {
            Outcome.Unauthorized => status == HttpStatusCode.Unauthorized,
            Outcome.Forbidden => status == HttpStatusCode.Forbidden,
            Outcome.NotGranted => code is >= 400 and < 500,
            _ => code < 500,
        };
        if (!right)
        {
            failures.Add($"{operation} as {who}: {code}, expected {expected}");
        }
    }

    /// <summary>Null for a public operation; otherwise the roles from <c>x-lms-roles</c>.</summary>
    private static HashSet<string>? Admitted(JsonElement operation)
    {
        if (operation.GetProperty("security").GetArrayLength() == 0)
        {
            return null;
        }
        return operation.TryGetProperty(OperationRoles.Extension, out var roles)
            ? [.. roles.EnumerateArray().Select(r => r.GetString()!)]
            : [.. Roles.All];
    }

    private static Guid? OrganisationOf(string role) => role is Roles.InstitutionManager or Roles.CompanySupervisor or Roles.Employee
        ? Guid.CreateVersion7() : null;

    private static string? OrganisationTypeOf(string role) => role switch
    {
        Roles.InstitutionManager => "institution",
        Roles.CompanySupervisor or Roles.Employee => "company",
        _ => null,
    };

    private async Task<string> MatrixAsync()
    {
        var lines = new StringBuilder();
        foreach (var (service, name, operation) in ServiceDocuments.Operations(await ServiceDocuments.FetchAsync(platform)).OrderBy(o => o.Service, StringComparer.Ordinal)
                     .ThenBy(o => o.Name.Split(' ')[1], StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal))
        {
            var roles = Admitted(operation) switch
            {
                null => "public",
                { Count: 0 } => "nobody",
                var admitted when admitted.Count == Roles.All.Count => "signed-in",
                var admitted => string.Join(',', Roles.All.Where(admitted.Contains)),
            };
            var shared = SharedAcrossOrganisations.Contains(name) ? " shared" : "";
            lines.Append(CultureInvariant($"{service} {name} {roles}{shared}\n"));
        }
        return lines.ToString();
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static string PinnedPath([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "authorization-matrix.txt");
}
