using Lms.Content.Access;
using Lms.Content.Uploads;
using Lms.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Content.Data;

/// <summary>The content service's own schema (<c>lms_content</c>).</summary>
public sealed class ContentDbContext(DbContextOptions<ContentDbContext> options) : ServiceDbContext(options)
{
    public DbSet<UploadSession> Uploads => Set<UploadSession>();

    public DbSet<StoredFile> Files => Set<StoredFile>();

    public DbSet<KnownCourse> Courses => Set<KnownCourse>();

    public DbSet<KnownManager> Managers => Set<KnownManager>();

    public DbSet<CourseFile> CourseFiles => Set<CourseFile>();

    public DbSet<KnownEnrollment> Enrollments => Set<KnownEnrollment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<UploadSession>(upload =>
        {
            upload.ToTable("upload_sessions");
            upload.HasKey(u => u.Id);
            upload.Property(u => u.Id).ValueGeneratedNever();
            upload.Property(u => u.Purpose).HasMaxLength(32);
            upload.Property(u => u.FileName).HasMaxLength(255);
            upload.Property(u => u.ContentType).HasMaxLength(100);
            upload.Property(u => u.StorageKey).HasMaxLength(300);
            upload.Property(u => u.MultipartUploadId).HasMaxLength(300);
            upload.Property(u => u.State).HasMaxLength(16);
            // Two completions, a completion and an abort, or two part reports race on the version: the second save
            // fails (409) instead of publishing twice or dropping a report.
            upload.Property(u => u.Version).IsConcurrencyToken();
            upload.Property(u => u.Parts).HasColumnType("json").HasConversion(JsonColumn.Converter<List<ReportedPart>>(), JsonColumn.Comparer<List<ReportedPart>>());
            upload.HasIndex(u => new { u.State, u.ExpiresAt });
        });

        modelBuilder.Entity<StoredFile>(file =>
        {
            file.ToTable("files");
            file.HasKey(f => f.Id);
            file.Property(f => f.Id).ValueGeneratedNever();
            file.Property(f => f.FileName).HasMaxLength(255);
            file.Property(f => f.ContentType).HasMaxLength(100);
            file.Property(f => f.StorageKey).HasMaxLength(300);
            file.Property(f => f.ETag).HasMaxLength(100);
            file.HasIndex(f => f.InstitutionId);
        });

        modelBuilder.Entity<KnownCourse>(course =>
        {
            course.ToTable("courses");
            course.HasKey(c => c.CourseId);
            course.Property(c => c.CourseId).ValueGeneratedNever();
            course.Property(c => c.StructureVersion).IsConcurrencyToken();
        });

        modelBuilder.Entity<CourseFile>(file =>
        {
            file.ToTable("course_files");
            file.HasKey(f => new { f.CourseId, f.FileId });
            file.HasIndex(f => f.FileId);
        });

        modelBuilder.Entity<KnownEnrollment>(enrollment =>
        {
            enrollment.ToTable("enrollments");
            enrollment.HasKey(e => new { e.ProvisionId, e.UserId });
            enrollment.HasIndex(e => new { e.UserId, e.CourseId });
        });

        modelBuilder.Entity<KnownManager>(manager =>
        {
            manager.ToTable("institution_managers");
            manager.HasKey(m => new { m.InstitutionId, m.UserId });
        });
    }
}
