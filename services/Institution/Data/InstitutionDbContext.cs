using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Users;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Data;

/// <summary>The institution service's own schema (<c>lms_institution</c>).</summary>
public sealed class InstitutionDbContext(DbContextOptions<InstitutionDbContext> options) : ServiceDbContext(options), IUserDirectory
{
    public DbSet<UserSummary> Users => Set<UserSummary>();
}
