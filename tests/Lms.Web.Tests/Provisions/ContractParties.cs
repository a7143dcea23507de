using System.Text.Json;
using Lms.EndToEnd.Tests;

namespace Lms.Web.Tests.Provisions;

/// <summary>
/// The two sides of a contract before it exists, made through the API the way people make them: an institution with a
/// published course, and a company whose employees joined by their email domain. The contract itself is what the
/// tests do in the browser; <see cref="RequestAsync"/> and the steps after it arrange a contract already under way.
/// </summary>
public sealed record ContractParties(
    Person Manager, Person Supervisor, IReadOnlyList<Person> Employees, Guid CourseId, string CourseTitle, string Tag)
{
    public const int PeriodDays = 7;

    /// <summary>Employees are named 사원0, 사원1, … with addresses staff0@…, staff1@….</summary>
    public static async Task<ContractParties> RegisterAsync(HttpClient client, int employees)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var domain = $"web{tag}.example";
        var manager = await Person.JoinAsync(client, $"manager.{tag}@example.com", "기관 담당자");
        var supervisor = await Person.JoinAsync(client, $"boss@{domain}", "인사 담당자");
        var staff = new List<Person>();
        for (var i = 0; i < employees; i++)
        {
            staff.Add(await Person.JoinAsync(client, $"staff{i}@{domain}", $"사원{i}"));
        }

        await manager.SucceedAsync(HttpMethod.Post, "/institution/v1/institutions", new
        {
            name = $"웹교육원 {tag}", ownerName = "대표", businessNumber = $"7{Random.Shared.NextInt64(100_000_000, 999_999_999)}",
            certifiedNumber = $"WEB-{tag}", email = $"contact@{tag}.example", phone = "02-000-0000",
        });
        await manager.BecomeAsync("InstitutionManager");
        // The tag leads so a search for a Korean part of the title finds this course alone.
        var courseTitle = $"{tag} 직장 내 괴롭힘 예방";
        var course = await manager.SucceedAsync(HttpMethod.Post, "/institution/v1/courses",
            new { title = courseTitle, introduction = "함께 일하는 곳의 예의와 신고 절차를 배웁니다.", category = "WORKPLACE_BASICS", instructorName = "김강사", periodDays = PeriodDays });
        var courseId = course.GetProperty("id").GetGuid();
        await manager.SucceedAsync(HttpMethod.Put, $"/institution/v1/courses/{courseId}/structure", new
        {
            chapters = new[] { new { title = "안내", items = new[] { new { title = "오리엔테이션", kind = "OTHER", required = true } } } },
        });
        await manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/courses/{courseId}/publish");

        var company = await supervisor.SucceedAsync(HttpMethod.Post, "/company/v1/companies", new
        {
            name = $"웹회사 {tag}", ownerName = "사장", businessNumber = $"6{Random.Shared.NextInt64(100_000_000, 999_999_999)}",
            emailDomain = domain, phone = "02-111-1111",
        });
        await supervisor.BecomeAsync("CompanySupervisor");
        foreach (var employee in staff)
        {
            await employee.SucceedAsync(HttpMethod.Post, $"/company/v1/companies/{company.GetProperty("id").GetGuid()}/join", new { });
            await employee.BecomeAsync("Employee");
        }
        return new ContractParties(manager, supervisor, staff, courseId, courseTitle, tag);
    }

    /// <summary>A request the institution has accepted, waiting for the roster.</summary>
    public async Task<Guid> AcceptedAsync(int seats)
    {
        var begin = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(1);
        // The company service learns of the published course by an event: retried until it knows it.
        var provision = await Supervisor.SucceedAsync(HttpMethod.Post, "/company/v1/course-provides",
            new { courseId = CourseId, beginDate = begin, endDate = begin.AddDays(PeriodDays + 6), seats });
        var id = provision.GetProperty("id").GetGuid();
        await Manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/course-provides/{id}/accept");
        return id;
    }

    /// <summary>A contract registered with <paramref name="learners"/> on its roster.</summary>
    public async Task<Guid> RegisteredAsync(int seats, IEnumerable<Person> learners)
    {
        var id = await AcceptedAsync(seats);
        await Supervisor.SucceedAsync(HttpMethod.Put, $"/company/v1/course-provides/{id}/roster", new { userIds = learners.Select(p => p.UserId).ToArray() });
        await Manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/course-provides/{id}/approve-roster");
        return id;
    }

    /// <summary>The provision as the company keeps it.</summary>
    public Task<JsonElement> ProvisionAsync(Guid id) => Supervisor.SucceedAsync(HttpMethod.Get, $"/company/v1/course-provides/{id}");
}
