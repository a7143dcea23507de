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
    [InlineData(Roles.CompanySupervisor, HttpStatusCode.OK)]
    [InlineData(Roles.Admin, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Employee, HttpStatusCode.OK)]
    public async Task Only_company_members_have_a_course_list(string who, HttpStatusCode expected)
    {
        var caller = who == "anonymous" ? Caller.Anonymous(platform.Student.Client) : Caller.As(platform.Student.Client, who, Guid.NewGuid(), "company");

        var response = await caller.GetAsync("/student/v1/enrollments");

        Assert.Equal(expected, response.StatusCode);
    }

    public static TheoryData<string, string, object> OwnerEndpoints => new()
    {
        { "GET", $"/student/v1/enrollments/{Guid.NewGuid()}", new { } },
        { "POST", $"/student/v1/enrollments/{Guid.NewGuid()}/items/{Guid.NewGuid()}/heartbeat", new { positionSeconds = 0, playing = true } },
        { "POST", $"/student/v1/enrollments/{Guid.NewGuid()}/items/{Guid.NewGuid()}/open", new { } },
        { "GET", $"/student/v1/enrollments/{Guid.NewGuid()}/exams", new { } },
        { "POST", $"/student/v1/enrollments/{Guid.NewGuid()}/rating", new { stars = 5 } },
        { "POST", $"/student/v1/exams/{Guid.NewGuid()}/attempts", new { } },
        { "GET", $"/student/v1/attempts/{Guid.NewGuid()}", new { } },
        { "PUT", $"/student/v1/attempts/{Guid.NewGuid()}/answers", new { answers = Array.Empty<object>() } },
        { "POST", $"/student/v1/attempts/{Guid.NewGuid()}/submit", new { } },
    };

    [Theory]
    [MemberData(nameof(OwnerEndpoints))]
    public async Task Learning_answers_only_the_owner_whatever_their_role(string method, string path, object body)
    {
        var anonymous = await Caller.Anonymous(platform.Student.Client).SendAsync(new HttpMethod(method), path, body);
        var statuses = new List<HttpStatusCode>();
        foreach (var role in Roles.All)
        {
            statuses.Add((await Caller.As(platform.Student.Client, role, Guid.NewGuid(), "company").SendAsync(new HttpMethod(method), path, body)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.NotFound, status));
    }

    [Fact]
    public async Task A_learner_promoted_to_supervisor_still_studies_their_course()
    {
        var c = await StudentScenarios.ClassAsync(platform);
        var promoted = Caller.As(platform.Student.Client, Roles.CompanySupervisor, c.CompanyId, "company", userId: c.Learner.UserId);

        var listed = await promoted.GetAsync("/student/v1/enrollments").JsonAsync();
        var detail = await promoted.GetAsync(c.Enrollment);
        var opened = await promoted.PostAsync(c.Open(c.DocumentId));

        Assert.Contains(listed.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == c.EnrollmentId);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
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
