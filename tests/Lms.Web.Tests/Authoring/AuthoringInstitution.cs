using Lms.EndToEnd.Tests;

namespace Lms.Web.Tests.Authoring;

/// <summary>An institution of its own with one manager and one draft course, made through the API as a manager makes one.</summary>
public sealed record AuthoringInstitution(Person Manager, string Name, Guid CourseId, string CourseTitle)
{
    public static async Task<AuthoringInstitution> CreateAsync(HttpClient api)
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var manager = await Person.JoinAsync(api, $"author.{tag}@example.com", "출제 담당자");
        var name = $"출제교육원 {tag}";
        await manager.SucceedAsync(HttpMethod.Post, "/institution/v1/institutions", new
        {
            name, ownerName = "대표", businessNumber = $"7{Random.Shared.NextInt64(100_000_000, 999_999_999)}",
            certifiedNumber = $"AUTH-{tag}", email = $"contact@{tag}.example", phone = "02-000-0000",
        });
        await manager.BecomeAsync("InstitutionManager");
        var courseTitle = $"정보보안 기초 {tag}";
        var course = await manager.SucceedAsync(HttpMethod.Post, "/institution/v1/courses",
            new { title = courseTitle, category = "WORKPLACE_BASICS", instructorName = "강사", periodDays = 14 });
        return new AuthoringInstitution(manager, name, course.GetProperty("id").GetGuid(), courseTitle);
    }
}
