namespace Lms.EndToEnd.Tests;

/// <summary>A class made the way people make one through the gateway: institution, course, company, employees, contract.</summary>
public sealed record Classroom(Person Manager, Person Supervisor, IReadOnlyList<Person> Employees, Guid ProvisionId, Guid CourseId, string CourseTitle)
{
    /// <param name="beginInDays">When the contract's period begins, counted from today (Korea time).</param>
    /// <param name="beforeAccept">Runs with the manager and the requested provision before the manager accepts it.</param>
    public static async Task<Classroom> RegisterAsync(HttpClient client, int employees, int beginInDays = 3, Func<Person, Guid, Task>? beforeAccept = null)
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var domain = $"e2e{tag}.example";
        var manager = await Person.JoinAsync(client, $"manager.{tag}@example.com", "기관 담당자");
        var supervisor = await Person.JoinAsync(client, $"boss@{domain}", "인사 담당자");
        var staff = new List<Person>();
        for (var i = 0; i < employees; i++)
        {
            staff.Add(await Person.JoinAsync(client, $"staff{i}@{domain}", $"사원{i}"));
        }

        // The institution publishes a course.
        await manager.SucceedAsync(HttpMethod.Post, "/institution/v1/institutions", new
        {
            name = $"종단교육원 {tag}", ownerName = "대표", businessNumber = $"9{Random.Shared.NextInt64(100_000_000, 999_999_999)}",
            certifiedNumber = $"E2E-{tag}", email = $"contact@{tag}.example", phone = "02-000-0000",
        });
        await manager.BecomeAsync("InstitutionManager");
        var courseTitle = $"개인정보보호 {tag}";
        var course = await manager.SucceedAsync(HttpMethod.Post, "/institution/v1/courses",
            new { title = courseTitle, category = "WORKPLACE_BASICS", instructorName = "강사", periodDays = 14 });
        var courseId = course.GetProperty("id").GetGuid();
        await manager.SucceedAsync(HttpMethod.Put, $"/institution/v1/courses/{courseId}/structure", new
        {
            chapters = new[] { new { title = "안내", items = new[] { new { title = "오리엔테이션", kind = "OTHER", required = true } } } },
        });
        await manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/courses/{courseId}/publish");

        // A company forms; the employees join by their confirmed emails' domain.
        var company = await supervisor.SucceedAsync(HttpMethod.Post, "/company/v1/companies", new
        {
            name = $"종단회사 {tag}", ownerName = "사장", businessNumber = $"8{Random.Shared.NextInt64(100_000_000, 999_999_999)}",
            emailDomain = domain, phone = "02-111-1111",
        });
        await supervisor.BecomeAsync("CompanySupervisor");
        foreach (var employee in staff)
        {
            await employee.SucceedAsync(HttpMethod.Post, $"/company/v1/companies/{company.GetProperty("id").GetGuid()}/join", new { });
            await employee.BecomeAsync("Employee");
        }

        // The contract: request, accept, roster, approval.
        var begin = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(beginInDays);
        var provision = await supervisor.SucceedAsync(HttpMethod.Post, "/company/v1/course-provides",
            new { courseId, beginDate = begin, endDate = begin.AddDays(20), seats = 5 });
        var provisionId = provision.GetProperty("id").GetGuid();
        if (beforeAccept is not null)
        {
            await beforeAccept(manager, provisionId);
        }
        await manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/course-provides/{provisionId}/accept");
        await supervisor.SucceedAsync(HttpMethod.Put, $"/company/v1/course-provides/{provisionId}/roster",
            new { userIds = staff.Select(e => e.UserId).ToArray() });
        await manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/course-provides/{provisionId}/approve-roster");
        return new Classroom(manager, supervisor, staff, provisionId, courseId, courseTitle);
    }
}
