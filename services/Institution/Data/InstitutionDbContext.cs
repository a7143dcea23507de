using Lms.Institution.Catalog;
using Lms.Institution.Courses;
using Lms.Institution.Dashboard;
using Lms.Institution.Exams;
using Lms.Institution.Files;
using Lms.Institution.Institutions;
using Lms.Institution.Provisions;
using Lms.Institution.Teachback;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Users;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Data;

/// <summary>The institution service's own schema (<c>lms_institution</c>).</summary>
public sealed class InstitutionDbContext(DbContextOptions<InstitutionDbContext> options) : ServiceDbContext(options), IUserDirectory
{
    public DbSet<UserSummary> Users => Set<UserSummary>();

    public DbSet<Institutions.Institution> Institutions => Set<Institutions.Institution>();

    public DbSet<InstitutionManager> Managers => Set<InstitutionManager>();

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<ReadyFile> ReadyFiles => Set<ReadyFile>();

    public DbSet<ProvisionCopy> Provisions => Set<ProvisionCopy>();

    public DbSet<ManagerInvitation> ManagerInvitations => Set<ManagerInvitation>();

    public DbSet<Exam> Exams => Set<Exam>();

    public DbSet<ExamAttempt> ExamAttempts => Set<ExamAttempt>();

    public DbSet<CourseTeachbackTopic> TeachbackTopics => Set<CourseTeachbackTopic>();

    public DbSet<EnrollmentRecord> EnrollmentRecords => Set<EnrollmentRecord>();

    public DbSet<ProvisionMonthTotals> ProvisionMonths => Set<ProvisionMonthTotals>();

    public DbSet<CourseRatingTotals> CourseRatings => Set<CourseRatingTotals>();

    public DbSet<CatalogGram> CatalogGrams => Set<CatalogGram>();

    public DbSet<CatalogTotal> CatalogTotals => Set<CatalogTotal>();

    public DbSet<InstitutionTotals> InstitutionTotals => Set<InstitutionTotals>();

    public DbSet<MonthCompanyTotals> MonthCompanies => Set<MonthCompanyTotals>();

    public DbSet<MonthCourseTotals> MonthCourses => Set<MonthCourseTotals>();

    /// <summary>Saves, and rewrites the catalog search index rows the save changes in the same transaction (<see cref="CatalogIndex"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var catalog = CatalogIndex.Collect(this);
        if (catalog.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            await CatalogIndex.ApplyAsync(this, catalog, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await CatalogIndex.ApplyAsync(this, catalog, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    /// <summary>Synchronous saves would bypass the catalog index; the service saves asynchronously only.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it keeps the catalog search index in step.");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyTeachbackModel();

        modelBuilder.Entity<Institutions.Institution>(institution =>
        {
            institution.ToTable("institutions");
            institution.HasKey(i => i.Id);
            institution.Property(i => i.Id).ValueGeneratedNever();
            institution.Property(i => i.Version).IsConcurrencyToken();
            institution.Property(i => i.Name).HasMaxLength(100);
            institution.Property(i => i.OwnerName).HasMaxLength(50);
            institution.Property(i => i.BusinessNumber).HasMaxLength(10);
            institution.Property(i => i.CertifiedNumber).HasMaxLength(50);
            institution.Property(i => i.Email).HasMaxLength(256);
            institution.Property(i => i.Phone).HasMaxLength(20);
            institution.Property(i => i.Address).HasMaxLength(200);
            institution.Property(i => i.Website).HasMaxLength(200);
            institution.Property(i => i.Description).HasMaxLength(2000);
            institution.HasIndex(i => i.BusinessNumber).IsUnique();
            institution.HasIndex(i => i.CertifiedNumber).IsUnique();
            // The catalog subtracts suspended institutions' courses from its totals, starting from the (few) suspended.
            institution.HasIndex(i => i.SuspendedAt);
            institution.HasMany(i => i.Managers).WithOne().HasForeignKey(m => m.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<InstitutionManager>(manager =>
        {
            manager.ToTable("institution_managers");
            manager.HasKey(m => new { m.InstitutionId, m.UserId });
            // One institution per manager (DOMAIN.md: at most one organisation at a time).
            manager.HasIndex(m => m.UserId).IsUnique();
        });

        modelBuilder.Entity<Course>(course =>
        {
            course.ToTable("courses");
            course.HasKey(c => c.Id);
            course.Property(c => c.Id).ValueGeneratedNever();
            course.Property(c => c.Version).IsConcurrencyToken();
            course.Property(c => c.Title).HasMaxLength(200);
            course.Property(c => c.Introduction).HasMaxLength(4000);
            course.Property(c => c.CategoryCode).HasMaxLength(40);
            course.Property(c => c.InstructorName).HasMaxLength(100);
            course.Property(c => c.State).HasMaxLength(16);
            // The structure is read and replaced as a whole, so it is stored as one JSON document.
            course.Property(c => c.Chapters).HasColumnType("json").HasConversion(JsonColumn.Converter<IReadOnlyList<Chapter>>(), JsonColumn.Comparer<IReadOnlyList<Chapter>>());
            course.Property(c => c.CompletionRule).HasColumnType("json").HasConversion(JsonColumn.Converter<CompletionRule>(), JsonColumn.Comparer<CompletionRule>());
            course.HasIndex(c => new { c.InstitutionId, c.State });
            // The catalog's page is the newest published courses (of a category): read in index order, no sort.
            course.HasIndex(c => new { c.State, c.UpdatedAt });
            course.HasIndex(c => new { c.State, c.CategoryCode, c.UpdatedAt });
        });

        modelBuilder.Entity<CatalogGram>(gram =>
        {
            gram.ToTable("catalog_grams");
            // A query's grams are read newest first straight from the key; (course, gram) finds a course's rows and
            // answers "has this course that gram too" without touching the course.
            gram.HasKey(g => new { g.Gram, g.UpdatedAt, g.CourseId });
            gram.Property(g => g.Gram).HasMaxLength(Catalog.CatalogGrams.MaxLength);
            gram.HasIndex(g => new { g.CourseId, g.Gram });
        });

        modelBuilder.Entity<CatalogTotal>(total =>
        {
            total.ToTable("catalog_totals");
            total.HasKey(t => t.CategoryCode);
            total.Property(t => t.CategoryCode).HasMaxLength(40);
        });

        modelBuilder.Entity<ProvisionCopy>(provision =>
        {
            provision.ToTable("course_provisions");
            provision.HasKey(p => p.Id);
            provision.Property(p => p.Id).ValueGeneratedNever();
            provision.Property(p => p.CompanyName).HasMaxLength(100);
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
            provision.HasIndex(p => new { p.InstitutionId, p.State });
            // Two snapshots handled at once: the older one's save collides, is retried, and is then skipped as old.
            provision.Property(p => p.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<ManagerInvitation>(invitation =>
        {
            invitation.ToTable("manager_invitations");
            invitation.HasKey(i => i.Id);
            invitation.Property(i => i.Id).ValueGeneratedNever();
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.Property(i => i.CodeHash).HasMaxLength(64);
            invitation.HasIndex(i => i.CodeHash).IsUnique();
            invitation.HasIndex(i => i.InstitutionId);
        });

        modelBuilder.Entity<ReadyFile>(file =>
        {
            file.ToTable("ready_files");
            file.HasKey(f => f.FileId);
            file.Property(f => f.FileId).ValueGeneratedNever();
            file.Property(f => f.FileName).HasMaxLength(255);
            file.Property(f => f.ContentType).HasMaxLength(100);
        });

        modelBuilder.Entity<Exam>(exam =>
        {
            exam.ToTable("exams");
            exam.HasKey(e => e.Id);
            exam.Property(e => e.Id).ValueGeneratedNever();
            exam.Property(e => e.Version).IsConcurrencyToken();
            exam.Property(e => e.Title).HasMaxLength(200);
            exam.Property(e => e.Description).HasMaxLength(4000);
            exam.Property(e => e.Kind).HasMaxLength(8);
            exam.Property(e => e.Scoring).HasMaxLength(8);
            exam.Property(e => e.State).HasMaxLength(16);
            exam.Property(e => e.AnswerKeyReveal).HasMaxLength(16);
            // Questions, options and answer keys are read and replaced as a whole, like a course's structure.
            exam.Property(e => e.Questions).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<IReadOnlyList<ExamQuestion>>(), JsonColumn.Comparer<IReadOnlyList<ExamQuestion>>());
            exam.Ignore(e => e.IsPublished);
            exam.HasIndex(e => new { e.CourseId, e.CreatedAt });
            exam.HasIndex(e => e.InstitutionId);
        });

        modelBuilder.Entity<ExamAttempt>(attempt =>
        {
            attempt.ToTable("exam_attempts");
            attempt.HasKey(a => a.AttemptId);
            attempt.Property(a => a.AttemptId).ValueGeneratedNever();
            attempt.Property(a => a.State).HasMaxLength(16);
            attempt.Property(a => a.Score).HasPrecision(5, 2);
            attempt.HasIndex(a => new { a.ExamId, a.StartedAt });
        });

        modelBuilder.Entity<EnrollmentRecord>(record =>
        {
            record.ToTable("dashboard_enrollments");
            record.HasKey(r => r.EnrollmentId);
            record.Property(r => r.EnrollmentId).ValueGeneratedNever();
            record.Property(r => r.State).HasMaxLength(16);
            record.Property(r => r.ProgressPercent).HasPrecision(5, 2);
            record.Property(r => r.EvaluationScore).HasPrecision(5, 2);
            record.Property(r => r.AttendanceRate).HasPrecision(5, 2);
            record.Property(r => r.CertificateSerial).HasMaxLength(32);
            record.Property(r => r.RatingComment).HasMaxLength(2000);
            record.Property(r => r.ExamScores).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<Dictionary<Guid, decimal>>(), JsonColumn.Comparer<Dictionary<Guid, decimal>>());
            record.Property(r => r.LiveSessions).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<Dictionary<Guid, bool>>(), JsonColumn.Comparer<Dictionary<Guid, bool>>());
            record.Ignore(r => r.Month);
            record.Property(r => r.Revision).IsConcurrencyToken();
            // The training-records report reads one provision's rows; the ratings page the newest comments.
            record.HasIndex(r => r.ProvisionId);
            record.HasIndex(r => new { r.InstitutionId, r.RatedAt });
        });

        modelBuilder.Entity<ProvisionMonthTotals>(totals =>
        {
            totals.ToTable("dashboard_provision_months");
            totals.HasKey(t => new { t.InstitutionId, t.ProvisionId, t.Month });
            totals.Ignore(t => t.Key);
            totals.Ignore(t => t.IsZero);
            totals.Property(t => t.ProgressSum).HasPrecision(14, 2);
            totals.Property(t => t.ScoreSum).HasPrecision(14, 2);
            totals.Property(t => t.AttendanceSum).HasPrecision(14, 2);
            totals.HasIndex(t => new { t.InstitutionId, t.Month });
            totals.HasIndex(t => new { t.InstitutionId, t.CourseId });
        });

        modelBuilder.Entity<CourseRatingTotals>(ratings =>
        {
            ratings.ToTable("dashboard_course_ratings");
            ratings.HasKey(r => r.CourseId);
            ratings.Property(r => r.CourseId).ValueGeneratedNever();
            ratings.Ignore(r => r.IsZero);
            ratings.HasIndex(r => r.InstitutionId);
        });

        // Rollups of dashboard_provision_months (DashboardRollups): the summary, monthly/quarterly, popular-courses and
        // companies reads touch a handful of rows here instead of every provision-month of the institution.
        modelBuilder.Entity<InstitutionTotals>(totals =>
        {
            totals.ToTable("dashboard_institution_totals");
            totals.HasKey(t => t.InstitutionId);
            totals.Property(t => t.InstitutionId).ValueGeneratedNever();
            totals.Ignore(t => t.IsZero);
        });

        modelBuilder.Entity<MonthCompanyTotals>(totals =>
        {
            totals.ToTable("dashboard_month_companies");
            totals.HasKey(t => new { t.InstitutionId, t.Month, t.CompanyId });
            totals.Ignore(t => t.Key);
            totals.Ignore(t => t.IsZero);
        });

        modelBuilder.Entity<MonthCourseTotals>(totals =>
        {
            totals.ToTable("dashboard_month_courses");
            totals.HasKey(t => new { t.InstitutionId, t.Month, t.CourseId });
            totals.Ignore(t => t.Key);
            totals.Ignore(t => t.IsZero);
        });
    }
}
