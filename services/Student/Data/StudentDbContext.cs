using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Users;
using Lms.Contracts.Courses;
using Lms.Contracts.Exams;
using Lms.Student.Certificates;
using Lms.Student.Courses;
using Lms.Student.Enrollments;
using Lms.Student.Exams;
using Lms.Student.Learning;
using Lms.Student.Ratings;
using Lms.Student.Teachback.Data;
using Lms.Student.Teachback.Ranking;
using Lms.Student.Teachback.Submissions;
using Lms.Student.Teachback.Topics;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Data;

/// <summary>The student service's own schema (<c>lms_student</c>).</summary>
public sealed class StudentDbContext(DbContextOptions<StudentDbContext> options) : ServiceDbContext(options), IUserDirectory
{
    public DbSet<UserSummary> Users => Set<UserSummary>();

    public DbSet<Enrollment> Enrollments => Set<Enrollment>();

    public DbSet<LearningProvision> Provisions => Set<LearningProvision>();

    public DbSet<CourseOutline> Outlines => Set<CourseOutline>();

    public DbSet<Completion.LiveAttendance> LiveAttendance => Set<Completion.LiveAttendance>();

    public DbSet<ItemProgress> ItemProgress => Set<ItemProgress>();

    public DbSet<LearnerActivity> LearnerActivity => Set<LearnerActivity>();

    public DbSet<LearningExam> Exams => Set<LearningExam>();

    public DbSet<ExamAttempt> Attempts => Set<ExamAttempt>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<CourseRating> Ratings => Set<CourseRating>();

    public DbSet<TeachbackTopic> TeachbackTopics => Set<TeachbackTopic>();

    public DbSet<TeachbackAudio> TeachbackAudio => Set<TeachbackAudio>();

    public DbSet<TeachbackSubmission> TeachbackSubmissions => Set<TeachbackSubmission>();

    public DbSet<TeachbackRankDay> TeachbackRankDays => Set<TeachbackRankDay>();

    public DbSet<TeachbackQuota> TeachbackQuotas => Set<TeachbackQuota>();

    public DbSet<TeachbackPseudonym> TeachbackPseudonyms => Set<TeachbackPseudonym>();

    public DbSet<CompanyMember> CompanyMembers => Set<CompanyMember>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<Completion.LiveAttendance>(attendance =>
        {
            attendance.ToTable("live_attendance");
            // One row per learner and session: a redelivered event changes nothing.
            attendance.HasKey(a => new { a.ProvisionId, a.UserId, a.SessionId });
            attendance.Property(a => a.Rate).HasPrecision(5, 4);
        });

        modelBuilder.Entity<Enrollment>(enrollment =>
        {
            enrollment.ToTable("enrollments");
            enrollment.HasKey(e => e.Id);
            enrollment.Property(e => e.Id).ValueGeneratedNever();
            enrollment.Property(e => e.State).HasMaxLength(16);
            enrollment.Property(e => e.ProgressPercent).HasPrecision(5, 2);
            // Progress and state are computed from a read of the learner's inputs: two requests that computed them
            // from the same starting point cannot both write (the second answers 409 and its change is retried).
            enrollment.Property(e => e.ProgressPercent).IsConcurrencyToken();
            enrollment.Property(e => e.State).IsConcurrencyToken();
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

        modelBuilder.Entity<CourseOutline>(outline =>
        {
            outline.ToTable("course_outlines");
            outline.HasKey(o => o.CourseId);
            outline.Property(o => o.CourseId).ValueGeneratedNever();
            outline.Ignore(o => o.Items);
            outline.Ignore(o => o.RequiredItemIds);
            outline.Property(o => o.Chapters).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<IReadOnlyList<CourseChapterSnapshot>>(), JsonColumn.Comparer<IReadOnlyList<CourseChapterSnapshot>>());
            outline.Property(o => o.Rule).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<CompletionRuleSnapshot>(), JsonColumn.Comparer<CompletionRuleSnapshot>());
            outline.Property(o => o.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<ItemProgress>(progress =>
        {
            progress.ToTable("item_progress");
            progress.HasKey(p => new { p.EnrollmentId, p.ItemId });
            progress.Property(p => p.State).HasMaxLength(16);
            progress.Property(p => p.Watched).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<IReadOnlyList<WatchedRange>>(), JsonColumn.Comparer<IReadOnlyList<WatchedRange>>());
            progress.Property(p => p.Version).IsConcurrencyToken();
            // The daily cap counts a learner's items credited on one day.
            progress.HasIndex(p => new { p.UserId, p.CompletedOn });
        });

        modelBuilder.Entity<LearnerActivity>(activity =>
        {
            activity.ToTable("learner_activity");
            activity.HasKey(a => a.UserId);
            activity.Property(a => a.UserId).ValueGeneratedNever();
            activity.Property(a => a.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<LearningExam>(exam =>
        {
            exam.ToTable("exams");
            exam.HasKey(e => e.Id);
            exam.Property(e => e.Id).ValueGeneratedNever();
            exam.Property(e => e.Title).HasMaxLength(200);
            exam.Property(e => e.Description).HasMaxLength(4000);
            exam.Property(e => e.Kind).HasMaxLength(8);
            exam.Property(e => e.Scoring).HasMaxLength(8);
            exam.Property(e => e.AnswerKeyReveal).HasMaxLength(16);
            exam.Property(e => e.Questions).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<IReadOnlyList<ExamQuestionSnapshot>>(), JsonColumn.Comparer<IReadOnlyList<ExamQuestionSnapshot>>());
            exam.Property(e => e.Version).IsConcurrencyToken();
            exam.HasIndex(e => e.CourseId);
        });

        modelBuilder.Entity<ExamAttempt>(attempt =>
        {
            attempt.ToTable("exam_attempts");
            attempt.HasKey(a => a.Id);
            attempt.Property(a => a.Id).ValueGeneratedNever();
            attempt.Property(a => a.State).HasMaxLength(16);
            attempt.Property(a => a.Score).HasPrecision(5, 2);
            attempt.Property(a => a.Paper).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<IReadOnlyList<ExamQuestionSnapshot>>(), JsonColumn.Comparer<IReadOnlyList<ExamQuestionSnapshot>>());
            attempt.Property(a => a.Answers).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<IReadOnlyList<AttemptAnswer>>(), JsonColumn.Comparer<IReadOnlyList<AttemptAnswer>>());
            attempt.Property(a => a.Version).IsConcurrencyToken();
            // Two starts racing for the same attempt number: one wins.
            attempt.HasIndex(a => new { a.ExamId, a.EnrollmentId, a.Number }).IsUnique();
            attempt.HasIndex(a => new { a.State, a.Deadline });
            attempt.HasIndex(a => a.EnrollmentId);
        });

        modelBuilder.Entity<Certificate>(certificate =>
        {
            certificate.ToTable("certificates");
            certificate.HasKey(c => c.Id);
            certificate.Property(c => c.Id).ValueGeneratedNever();
            certificate.Property(c => c.Serial).HasMaxLength(32);
            certificate.Property(c => c.Code).HasMaxLength(64);
            certificate.Property(c => c.CodeHash).HasMaxLength(32);
            certificate.Property(c => c.HolderName).HasMaxLength(100);
            certificate.Property(c => c.CourseTitle).HasMaxLength(200);
            certificate.Property(c => c.InstitutionName).HasMaxLength(100);
            // One certificate per enrollment, even if two completions race.
            certificate.HasIndex(c => c.EnrollmentId).IsUnique();
            certificate.HasIndex(c => c.Serial).IsUnique();
            certificate.HasIndex(c => c.CodeHash).IsUnique();
            certificate.HasIndex(c => c.UserId);
        });

        modelBuilder.Entity<CourseRating>(rating =>
        {
            rating.ToTable("course_ratings");
            rating.HasKey(r => r.EnrollmentId);
            rating.Property(r => r.Comment).HasMaxLength(1000);
            rating.HasIndex(r => r.CourseId);
        });

        modelBuilder.ApplyTeachbackModel();
    }
}
