using System.Net.Http.Json;
using System.Text.Json;

namespace Lms.EndToEnd.Tests;

public sealed class Providing_a_course_to_a_company
{
    [Fact]
    public async Task A_published_course_reaches_the_employees_the_company_puts_on_the_roster()
    {
        using var client = RunningPlatform.NewClient();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var domain = $"e2e{tag}.example";
        var manager = await Person.JoinAsync(client, $"manager.{tag}@example.com", "기관 담당자");
        var supervisor = await Person.JoinAsync(client, $"boss@{domain}", "인사 담당자");
        var employee = await Person.JoinAsync(client, $"staff@{domain}", "사원");

        // The institution publishes a course.
        await manager.SucceedAsync(HttpMethod.Post, "/institution/v1/institutions", new
        {
            name = $"종단교육원 {tag}", ownerName = "대표", businessNumber = $"9{Random.Shared.NextInt64(100_000_000, 999_999_999)}",
            certifiedNumber = $"E2E-{tag}", email = $"contact@{tag}.example", phone = "02-000-0000",
        });
        await manager.BecomeAsync("InstitutionManager");
        var course = await manager.SucceedAsync(HttpMethod.Post, "/institution/v1/courses",
            new { title = $"개인정보보호 {tag}", category = "WORKPLACE_BASICS", instructorName = "강사", periodDays = 14 });
        var courseId = course.GetProperty("id").GetGuid();
        await manager.SucceedAsync(HttpMethod.Put, $"/institution/v1/courses/{courseId}/structure", new
        {
            chapters = new[] { new { title = "안내", items = new[] { new { title = "오리엔테이션", kind = "OTHER", required = true } } } },
        });
        await manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/courses/{courseId}/publish");
        var catalog = await employee.SucceedAsync(HttpMethod.Get, $"/institution/v1/catalog?q={tag}");
        Assert.Equal(courseId, catalog.GetProperty("items")[0].GetProperty("id").GetGuid());

        // A company forms; an employee joins by the confirmed email's domain.
        var company = await supervisor.SucceedAsync(HttpMethod.Post, "/company/v1/companies", new
        {
            name = $"종단회사 {tag}", ownerName = "사장", businessNumber = $"8{Random.Shared.NextInt64(100_000_000, 999_999_999)}",
            emailDomain = domain, phone = "02-111-1111",
        });
        await supervisor.BecomeAsync("CompanySupervisor");
        await employee.SucceedAsync(HttpMethod.Post, $"/company/v1/companies/{company.GetProperty("id").GetGuid()}/join", new { });
        await employee.BecomeAsync("Employee");

        // The contract: request, accept, roster, approval.
        var begin = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(3);
        var provision = await supervisor.SucceedAsync(HttpMethod.Post, "/company/v1/course-provides",
            new { courseId, beginDate = begin, endDate = begin.AddDays(20), seats = 5 });
        var provisionId = provision.GetProperty("id").GetGuid();
        await manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/course-provides/{provisionId}/accept");
        await supervisor.SucceedAsync(HttpMethod.Put, $"/company/v1/course-provides/{provisionId}/roster", new { userIds = new[] { employee.UserId } });
        await manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/course-provides/{provisionId}/approve-roster");

        // The employee now has the course.
        var enrollments = await Eventually.GetAsync(
            async () => await (await employee.SendAsync(HttpMethod.Get, "/student/v1/enrollments")).Content.ReadFromJsonAsync<JsonElement>(),
            e => e.GetProperty("total").GetInt32() == 1, TimeSpan.FromSeconds(30), "the employee's course list shows the course");
        var enrollment = enrollments.GetProperty("items")[0];
        Assert.Equal(provisionId, enrollment.GetProperty("courseProvideId").GetGuid());
        Assert.Equal($"개인정보보호 {tag}", enrollment.GetProperty("courseTitle").GetString());
        Assert.Equal("ACTIVE", enrollment.GetProperty("state").GetString());
    }
}
