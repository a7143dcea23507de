using Lms.ServiceDefaults.Data;
using Lms.Student.Teachback.Ranking;
using Lms.Student.Teachback.Submissions;
using Lms.Student.Teachback.Topics;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Teachback.Data;

/// <summary>The teach-back tables of the student schema.</summary>
public static class TeachbackModel
{
    public static void ApplyTeachbackModel(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TeachbackTopic>(topic =>
        {
            topic.ToTable("teachback_topics");
            topic.HasKey(t => t.Id);
            topic.Property(t => t.Id).ValueGeneratedNever();
            topic.Property(t => t.Source).HasMaxLength(16);
            topic.Property(t => t.Major).HasMaxLength(100);
            topic.Property(t => t.Subject).HasMaxLength(100);
            topic.Property(t => t.Title).HasMaxLength(200);
            topic.Property(t => t.Prompt).HasMaxLength(TopicRules.MaxPromptLength);
            topic.Property(t => t.Language).HasMaxLength(8);
            topic.Property(t => t.KeyPoints).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<IReadOnlyList<string>>(), JsonColumn.Comparer<IReadOnlyList<string>>());
            topic.Property(t => t.Synonyms).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<IReadOnlyDictionary<string, IReadOnlyList<string>>>(),
                    JsonColumn.Comparer<IReadOnlyDictionary<string, IReadOnlyList<string>>>());
            // Two admins editing, or two versions of a course topic arriving at once: the later save collides and is retried.
            topic.Property(t => t.Version).IsConcurrencyToken();
            topic.HasIndex(t => new { t.Source, t.CourseId });
        });

        modelBuilder.Entity<TeachbackAudio>(audio =>
        {
            audio.ToTable("teachback_audio");
            audio.HasKey(a => a.FileId);
            audio.Property(a => a.FileId).ValueGeneratedNever();
            audio.Property(a => a.FileName).HasMaxLength(1000);
            audio.Property(a => a.ContentType).HasMaxLength(100);
            audio.Property(a => a.StorageKey).HasMaxLength(300);
            audio.HasIndex(a => a.UploaderId);
        });

        modelBuilder.Entity<TeachbackSubmission>(submission =>
        {
            submission.ToTable("teachback_submissions");
            submission.HasKey(s => s.Id);
            submission.Property(s => s.Id).ValueGeneratedNever();
            submission.Property(s => s.Status).HasMaxLength(16);
            submission.Property(s => s.Reason).HasMaxLength(500);
            submission.Property(s => s.Transcript).HasColumnType("longtext");
            submission.Property(s => s.ScoredBy).HasMaxLength(100);
            submission.Property(s => s.Strengths).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<IReadOnlyList<string>>(), JsonColumn.Comparer<IReadOnlyList<string>>());
            submission.Property(s => s.Weaknesses).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<IReadOnlyList<string>>(), JsonColumn.Comparer<IReadOnlyList<string>>());
            // The processor and the sweeper may end the same submission at once: one of them wins.
            submission.Property(s => s.Version).IsConcurrencyToken();
            submission.HasIndex(s => new { s.UserId, s.CreatedAt });
            submission.HasIndex(s => new { s.Status, s.Deadline });
        });

        modelBuilder.Entity<TeachbackQuota>(quota =>
        {
            quota.ToTable("teachback_quotas");
            quota.HasKey(q => q.UserId);
            quota.Property(q => q.UserId).ValueGeneratedNever();
        });

        modelBuilder.Entity<TeachbackPseudonym>(pseudonym =>
        {
            pseudonym.ToTable("teachback_pseudonyms");
            pseudonym.HasKey(p => p.UserId);
            pseudonym.Property(p => p.UserId).ValueGeneratedNever();
            pseudonym.Property(p => p.Code).HasMaxLength(TeachbackPseudonym.CodeLength);
        });

        modelBuilder.Entity<CompanyMember>(member =>
        {
            member.ToTable("company_members");
            member.HasKey(m => new { m.CompanyId, m.UserId });
        });

        modelBuilder.Entity<TeachbackRankDay>(day =>
        {
            day.ToTable("teachback_rank_days");
            day.HasKey(d => new { d.ScopeId, d.UserId, d.Day });
            day.HasIndex(d => new { d.ScopeId, d.Day });
        });
    }
}
