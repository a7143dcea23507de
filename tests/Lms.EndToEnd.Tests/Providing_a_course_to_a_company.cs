using System.Net.Http.Json;
using System.Text.Json;

namespace Lms.EndToEnd.Tests;

public sealed class Providing_a_course_to_a_company
{
    [Fact]
    public async Task A_published_course_reaches_the_employees_the_company_puts_on_the_roster()
    {
        using var client = RunningPlatform.NewClient();

        var classroom = await Classroom.RegisterAsync(client, employees: 1);

        var catalog = await classroom.Employees[0].SucceedAsync(HttpMethod.Get, $"/institution/v1/catalog?q={Uri.EscapeDataString(classroom.CourseTitle)}");
        Assert.Equal(classroom.CourseId, catalog.GetProperty("items")[0].GetProperty("id").GetGuid());
        var enrollments = await Eventually.GetAsync(
            async () => await (await classroom.Employees[0].SendAsync(HttpMethod.Get, "/student/v1/enrollments")).Content.ReadFromJsonAsync<JsonElement>(),
            e => e.GetProperty("total").GetInt32() == 1, TimeSpan.FromSeconds(30), "the employee's course list shows the course");
        var enrollment = enrollments.GetProperty("items")[0];
        Assert.Equal(classroom.ProvisionId, enrollment.GetProperty("courseProvideId").GetGuid());
        Assert.Equal(classroom.CourseTitle, enrollment.GetProperty("courseTitle").GetString());
        Assert.Equal("ACTIVE", enrollment.GetProperty("state").GetString());
    }
}
