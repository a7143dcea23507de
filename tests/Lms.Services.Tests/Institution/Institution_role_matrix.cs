using System.Net;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.Institution;

/// <summary>Every institution endpoint × every kind of caller: only the allowed ones get through.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Institution_role_matrix(Platform platform)
{
    private const string Anyone = "anyone";
    private const string SignedIn = "signed-in";
    private const string Manager = "manager";
    private const string VisitorOnly = "visitor";

    public static TheoryData<string, string, string> Endpoints => new()
    {
        { "GET", "/institution/v1/categories", Anyone },
        { "GET", "/institution/v1/catalog", SignedIn },
        { "GET", "/institution/v1/institutions/{institution}", SignedIn },
        { "POST", "/institution/v1/institutions", VisitorOnly },
        { "GET", "/institution/v1/institutions/mine", Manager },
        { "PUT", "/institution/v1/institutions/mine", Manager },
        { "GET", "/institution/v1/institutions/mine/managers", Manager },
        { "POST", "/institution/v1/courses", Manager },
        { "GET", "/institution/v1/courses", Manager },
        { "GET", "/institution/v1/courses/{course}", Manager },
        { "PUT", "/institution/v1/courses/{course}", Manager },
        { "GET", "/institution/v1/courses/{course}/structure", Manager },
        { "PUT", "/institution/v1/courses/{course}/structure", Manager },
        { "PUT", "/institution/v1/courses/{course}/completion-rule", Manager },
        { "POST", "/institution/v1/courses/{course}/publish", Manager },
        { "POST", "/institution/v1/courses/{course}/archive", Manager },
        { "GET", "/institution/v1/course-provides", Manager },
        { "GET", "/institution/v1/course-provides/{provision}", Manager },
        { "POST", "/institution/v1/course-provides/{provision}/accept", Manager },
        { "POST", "/institution/v1/course-provides/{provision}/decline", Manager },
        { "POST", "/institution/v1/course-provides/{provision}/approve-roster", Manager },
        { "POST", "/institution/v1/course-provides/{provision}/return-roster", Manager },
        { "POST", "/institution/v1/course-provides/{provision}/approve-amendment", Manager },
        { "POST", "/institution/v1/course-provides/{provision}/return-amendment", Manager },
        { "POST", "/institution/v1/institutions/mine/manager-invitations", Manager },
        { "POST", "/institution/v1/institutions/manager-invitations/accept", SignedIn },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Lets_through_only_who_may(string method, string template, string allowed)
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var path = template.Replace("{institution}", institutionId.ToString(), StringComparison.Ordinal)
            .Replace("{course}", courseId.ToString(), StringComparison.Ordinal)
            .Replace("{provision}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        var client = platform.Institution.Client;
        var callers = new Dictionary<string, Caller>
        {
            ["anonymous"] = Caller.Anonymous(client),
            ["visitor"] = Caller.Visitor(client),
            ["manager"] = manager,
            ["supervisor"] = Caller.As(client, Roles.CompanySupervisor, Guid.NewGuid(), "company"),
            ["employee"] = Caller.As(client, Roles.Employee, Guid.NewGuid(), "company"),
            ["admin"] = Caller.As(client, Roles.Admin),
        };

        foreach (var (who, caller) in callers)
        {
            var response = await caller.SendAsync(new HttpMethod(method), path, BodyFor(template));
            var expected = Expected(who, allowed);
            Assert.True(expected(response.StatusCode), $"{who} {method} {template} → {(int)response.StatusCode}");
        }
    }

    private static Func<HttpStatusCode, bool> Expected(string who, string allowed)
    {
        var permitted = allowed switch
        {
            Anyone => true,
            SignedIn => who != "anonymous",
            VisitorOnly => who == "visitor",
            _ => who == "manager",
        };
        if (permitted)
        {
            // Allowed through the door; the request itself may still be refused on its merits (e.g. 409).
            return status => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500;
        }
        return status => status == (who == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden);
    }

    private static object? BodyFor(string template) => template switch
    {
        "/institution/v1/institutions" or "/institution/v1/institutions/mine" => InstitutionScenarios.NewInstitution(),
        "/institution/v1/courses" or "/institution/v1/courses/{course}" => InstitutionScenarios.NewCourse(),
        "/institution/v1/courses/{course}/structure" => new { chapters = Array.Empty<object>() },
        "/institution/v1/courses/{course}/completion-rule" => new { },
        "/institution/v1/course-provides/{provision}/decline" or "/institution/v1/course-provides/{provision}/return-roster"
            or "/institution/v1/course-provides/{provision}/return-amendment" => new { reason = "사유" },
        "/institution/v1/institutions/mine/manager-invitations" => new { email = "invitee@edu.example" },
        "/institution/v1/institutions/manager-invitations/accept" => new { code = "ABCDEFGHJK" },
        _ => null,
    };
}
