using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Users;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Data;

/// <summary>The student service's own schema (<c>lms_student</c>).</summary>
public sealed class StudentDbContext(DbContextOptions<StudentDbContext> options) : ServiceDbContext(options), IUserDirectory
{
    public DbSet<UserSummary> Users => Set<UserSummary>();
}
