using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Users;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Data;

/// <summary>The live service's own schema (<c>lms_live</c>).</summary>
public sealed class LiveDbContext(DbContextOptions<LiveDbContext> options) : ServiceDbContext(options), IUserDirectory
{
    public DbSet<UserSummary> Users => Set<UserSummary>();
}
