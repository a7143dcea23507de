using System.Net;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.Student;

/// <summary>The student endpoints × every kind of caller.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Student_role_matrix(Platform platform)
{
    [Theory]
    [InlineData("anonymous", HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Visitor, HttpStatusCode.Forbidden)]
    [InlineData(Roles.InstitutionManager, HttpStatusCode.Forbidden)]
    [InlineData(Roles.CompanySupervisor, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Admin, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Employee, HttpStatusCode.OK)]
    public async Task Only_employees_have_a_course_list(string who, HttpStatusCode expected)
    {
        var caller = who == "anonymous" ? Caller.Anonymous(platform.Student.Client) : Caller.As(platform.Student.Client, who, Guid.NewGuid(), "company");

        var response = await caller.GetAsync("/student/v1/enrollments");

        Assert.Equal(expected, response.StatusCode);
    }

    public static TheoryData<string, string> EmployeeEndpoints => new()
    {
        { "GET", $"/student/v1/enrollments/{Guid.NewGuid()}" },
        { "POST", $"/student/v1/enrollments/{Guid.NewGuid()}/items/{Guid.NewGuid()}/heartbeat" },
        { "POST", $"/student/v1/enrollments/{Guid.NewGuid()}/items/{Guid.NewGuid()}/open" },
        { "GET", $"/student/v1/enrollments/{Guid.NewGuid()}/exams" },
        { "POST", $"/student/v1/enrollments/{Guid.NewGuid()}/rating" },
        { "POST", $"/student/v1/exams/{Guid.NewGuid()}/attempts" },
        { "GET", $"/student/v1/attempts/{Guid.NewGuid()}" },
        { "PUT", $"/student/v1/attempts/{Guid.NewGuid()}/answers" },
        { "POST", $"/student/v1/attempts/{Guid.NewGuid()}/submit" },
    };

    [Theory]
    [MemberData(nameof(EmployeeEndpoints))]
    public async Task Learning_is_for_employees_only(string method, string path)
    {
        var anonymous = await Caller.Anonymous(platform.Student.Client).SendAsync(new HttpMethod(method), path, new { });
        var statuses = new List<HttpStatusCode>();
        foreach (var role in new[] { Roles.Visitor, Roles.InstitutionManager, Roles.CompanySupervisor, Roles.Admin })
        {
            statuses.Add((await Caller.As(platform.Student.Client, role, Guid.NewGuid(), "company").SendAsync(new HttpMethod(method), path, new { })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Forbidden, status));
    }

    [Fact]
    public async Task Anyone_signed_in_has_a_certificate_list_and_anyone_at_all_may_verify_one()
    {
        var anonymousList = await Caller.Anonymous(platform.Student.Client).GetAsync("/student/v1/certificates");
        var visitorList = await Caller.Visitor(platform.Student.Client).GetAsync("/student/v1/certificates");
        var anonymousVerify = await Caller.Anonymous(platform.Student.Client).GetAsync($"/student/v1/certificates/verify/{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousList.StatusCode);
        Assert.Equal(HttpStatusCode.OK, visitorList.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, anonymousVerify.StatusCode);
    }
}
