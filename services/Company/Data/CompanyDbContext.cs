using Lms.Company.Catalog;
using Lms.Company.Companies;
using Lms.Company.Dashboard;
using Lms.Company.Invitations;
using Lms.Company.Learning;
using Lms.Company.Provisions;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Users;
using Microsoft.EntityFrameworkCore;

namespace Lms.Company.Data;

/// <summary>The company service's own schema (<c>lms_company</c>).</summary>
public sealed class CompanyDbContext(DbContextOptions<CompanyDbContext> options) : ServiceDbContext(options), IUserDirectory
{
    public DbSet<UserSummary> Users => Set<UserSummary>();

    public DbSet<Companies.Company> Companies => Set<Companies.Company>();

    public DbSet<CompanyMember> Members => Set<CompanyMember>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<CatalogCourse> CatalogCourses => Set<CatalogCourse>();

    public DbSet<InstitutionStanding> InstitutionStandings => Set<InstitutionStanding>();

    public DbSet<CourseProvision> Provisions => Set<CourseProvision>();

    public DbSet<LearnerProgress> LearnerProgress => Set<LearnerProgress>();

    public DbSet<AppliedDecision> AppliedDecisions => Set<AppliedDecision>();

    public DbSet<ProvisionLearningTotals> ProvisionLearningTotals => Set<ProvisionLearningTotals>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<Companies.Company>(company =>
        {
            company.ToTable("companies");
            company.HasKey(c => c.Id);
            company.Property(c => c.Id).ValueGeneratedNever();
            company.Property(c => c.Version).IsConcurrencyToken();
            company.Property(c => c.Name).HasMaxLength(100);
            company.Property(c => c.OwnerName).HasMaxLength(50);
            company.Property(c => c.BusinessNumber).HasMaxLength(10);
            company.Property(c => c.EmailDomain).HasMaxLength(253);
            company.Property(c => c.Phone).HasMaxLength(20);
            company.Property(c => c.Address).HasMaxLength(200);
            company.HasIndex(c => c.BusinessNumber).IsUnique();
            // One company per domain, so a confirmed email points at exactly one company.
            company.HasIndex(c => c.EmailDomain).IsUnique();
            company.HasIndex(c => c.Name);
            company.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CompanyId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CompanyMember>(member =>
        {
            member.ToTable("company_members");
            member.HasKey(m => new { m.CompanyId, m.UserId });
            member.Property(m => m.Role).HasMaxLength(16);
            member.HasIndex(m => m.UserId).IsUnique();
        });

        modelBuilder.Entity<CatalogCourse>(course =>
        {
            course.ToTable("catalog_courses");
            course.HasKey(c => c.CourseId);
            course.Property(c => c.CourseId).ValueGeneratedNever();
            course.Property(c => c.InstitutionName).HasMaxLength(100);
            course.Property(c => c.Title).HasMaxLength(200);
            course.Property(c => c.State).HasMaxLength(16);
            // Two snapshots handled at once: the older one's save collides, is retried, and is then skipped as old.
            course.Property(c => c.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<InstitutionStanding>(standing =>
        {
            standing.ToTable("institution_standings");
            standing.HasKey(s => s.InstitutionId);
            standing.Property(s => s.InstitutionId).ValueGeneratedNever();
            // Two events handled at once: the older one's save collides, is retried, and is then skipped as old.
            standing.Property(s => s.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<CourseProvision>(provision =>
        {
            provision.ToTable("course_provisions");
            provision.HasKey(p => p.Id);
            provision.Property(p => p.Id).ValueGeneratedNever();
            provision.Property(p => p.Version).IsConcurrencyToken();
            provision.Property(p => p.CompanyName).HasMaxLength(100);
            provision.Property(p => p.InstitutionName).HasMaxLength(100);
            provision.Property(p => p.CourseTitle).HasMaxLength(200);
            provision.Property(p => p.Deposit).HasMaxLength(200);
            provision.Property(p => p.State).HasMaxLength(20);
            provision.Property(p => p.Roster).HasColumnType("json").HasConversion(JsonColumn.Converter<List<Guid>>(), JsonColumn.Comparer<List<Guid>>());
            provision.Property(p => p.History).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<List<Lms.Contracts.Provisions.ProvisionTransition>>(), JsonColumn.Comparer<List<Lms.Contracts.Provisions.ProvisionTransition>>());
            provision.Property(p => p.PendingAdditions).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<List<Guid>>(), JsonColumn.Comparer<List<Guid>>());
            provision.Property(p => p.ConsumedSeats).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<List<Guid>>(), JsonColumn.Comparer<List<Guid>>());
            provision.HasIndex(p => new { p.CompanyId, p.State });
            provision.HasIndex(p => new { p.State, p.BeginDate });
        });

        modelBuilder.Entity<AppliedDecision>(decision =>
        {
            decision.ToTable("applied_decisions");
            decision.HasKey(d => d.IdempotencyKey);
            decision.Property(d => d.IdempotencyKey).ValueGeneratedNever();
            decision.Property(d => d.Decision).HasMaxLength(32);
            decision.Property(d => d.State).HasMaxLength(20);
            decision.HasIndex(d => d.ProvisionId);
        });

        modelBuilder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("invitations");
            invitation.HasKey(i => i.Id);
            invitation.Property(i => i.Id).ValueGeneratedNever();
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.Property(i => i.CodeHash).HasMaxLength(64);
            invitation.HasIndex(i => new { i.CompanyId, i.CodeHash });
        });

        modelBuilder.Entity<LearnerProgress>(progress =>
        {
            progress.ToTable("learner_progress");
            progress.HasKey(p => p.EnrollmentId);
            progress.Property(p => p.EnrollmentId).ValueGeneratedNever();
            progress.Property(p => p.State).HasMaxLength(16);
            progress.Property(p => p.ProgressPercent).HasPrecision(5, 2);
            progress.Property(p => p.CertificateSerial).HasMaxLength(32);
            // Each kind of event has its own queue, so two may change one learner at once: the later save collides
            // and its retry applies the ordering rule to what the first one wrote.
            progress.Property(p => p.State).IsConcurrencyToken();
            progress.Property(p => p.StateChangedAt).IsConcurrencyToken();
            progress.Property(p => p.ProgressChangedAt).IsConcurrencyToken();
            progress.Property(p => p.Revision).IsConcurrencyToken();
            progress.Property(p => p.EvaluationScore).HasPrecision(5, 2);
            progress.Property(p => p.AttendanceRate).HasPrecision(5, 2);
            progress.Property(p => p.ExamScores).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<Dictionary<Guid, decimal>>(), JsonColumn.Comparer<Dictionary<Guid, decimal>>());
            progress.Property(p => p.LiveSessions).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<Dictionary<Guid, bool>>(), JsonColumn.Comparer<Dictionary<Guid, bool>>());
            progress.HasIndex(p => p.ProvisionId);
        });

        modelBuilder.Entity<ProvisionLearningTotals>(totals =>
        {
            totals.ToTable("provision_learning_totals");
            totals.HasKey(t => t.ProvisionId);
            totals.Property(t => t.ProvisionId).ValueGeneratedNever();
            totals.Ignore(t => t.IsZero);
            totals.Property(t => t.ProgressSum).HasPrecision(14, 2);
            totals.Property(t => t.ScoreSum).HasPrecision(14, 2);
            totals.Property(t => t.AttendanceSum).HasPrecision(14, 2);
        });
    }
}
