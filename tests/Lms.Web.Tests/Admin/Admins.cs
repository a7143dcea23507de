using Lms.EndToEnd.Tests;
using Lms.Testing;
using MySqlConnector;

namespace Lms.Web.Tests.Admin;

/// <summary>People for the admin pages' tests: each test makes its own admin rather than using the demo one.</summary>
public static class Admins
{
    /// <summary>
    /// A confirmed account given the admin role in identity's own table, as the demo seed and the service tests
    /// (Administration/AdminScenarios) do: the platform has no route that makes the first admin.
    /// </summary>
    public static async Task<Person> NewAsync(HttpClient api)
    {
        var admin = await Person.JoinAsync(api, $"admin.{Guid.NewGuid():N}@example.com", "관리자");
        await using var connection = new MySqlConnection(await TestServers.MariaDbAsync("lms_identity", "lms_identity"));
        await connection.OpenAsync();
        await using var command = new MySqlCommand("INSERT INTO user_roles (user_id, role_id) VALUES (@user, @role)", connection);
        command.Parameters.AddWithValue("@user", admin.UserId.ToString());
        command.Parameters.AddWithValue("@role", Lms.Identity.Data.PlatformRoles.Admin.Id.ToString());
        await command.ExecuteNonQueryAsync();
        return admin;
    }
}
