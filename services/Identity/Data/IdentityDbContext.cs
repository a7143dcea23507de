using Lms.Identity.Accounts;
using Lms.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Identity.Data;

/// <summary>The identity service's own schema (<c>lms_identity</c>).</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new AccountConfiguration());
    }
}
