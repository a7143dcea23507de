using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Users;
using Microsoft.EntityFrameworkCore;

namespace Lms.Company.Data;

/// <summary>The company service's own schema (<c>lms_company</c>).</summary>
public sealed class CompanyDbContext(DbContextOptions<CompanyDbContext> options) : ServiceDbContext(options), IUserDirectory
{
    public DbSet<UserSummary> Users => Set<UserSummary>();
}
