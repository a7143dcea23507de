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
}
