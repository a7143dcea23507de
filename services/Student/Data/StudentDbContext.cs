using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Users;
using Lms.Student.Enrollments;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Data;

/// <summary>The student service's own schema (<c>lms_student</c>).</summary>
public sealed class StudentDbContext(DbContextOptions<StudentDbContext> options) : ServiceDbContext(options), IUserDirectory
{
    public DbSet<UserSummary> Users => Set<UserSummary>();

    public DbSet<Enrollment> Enrollments => Set<Enrollment>();

    public DbSet<LearningProvision> Provisions => Set<LearningProvision>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<Enrollment>(enrollment =>
        {
            enrollment.ToTable("enrollments");
            enrollment.HasKey(e => e.Id);
            enrollment.Property(e => e.Id).ValueGeneratedNever();
            enrollment.Property(e => e.State).HasMaxLength(16);
            enrollment.Property(e => e.ProgressPercent).HasPrecision(5, 2);
            // One enrollment per person and provision, whatever the order events arrive in.
            enrollment.HasIndex(e => new { e.ProvisionId, e.UserId }).IsUnique();
            enrollment.HasIndex(e => e.UserId);
        });

        modelBuilder.Entity<LearningProvision>(provision =>
        {
            provision.ToTable("provisions");
            provision.HasKey(p => p.Id);
            provision.Property(p => p.Id).ValueGeneratedNever();
            provision.Property(p => p.CourseTitle).HasMaxLength(200);
            provision.Property(p => p.InstitutionName).HasMaxLength(100);
            provision.Property(p => p.State).HasMaxLength(20);
            // Two snapshots handled at once: the older one's save collides, is retried, and is then skipped as old.
            provision.Property(p => p.Version).IsConcurrencyToken();
        });
    }
}
