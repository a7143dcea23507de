using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lms.ServiceDefaults.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's context without starting the service or reaching a
/// database. Each service declares a one-line subclass.
/// </summary>
public abstract class DesignTimeDbContextFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext, IOutboxDbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>()
            .UseMySql("Server=127.0.0.1;Database=design_time", ServerVersion.Parse(DatabaseExtensions.DefaultServerVersion),
                mysql => mysql.MigrationsHistoryTable("ef_migrations_history"))
            .Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }
}
