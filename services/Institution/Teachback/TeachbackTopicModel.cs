using Lms.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Teachback;

/// <summary>The teach-back table of the institution schema.</summary>
public static class TeachbackTopicModel
{
    public static void ApplyTeachbackModel(this ModelBuilder modelBuilder) =>
        modelBuilder.Entity<CourseTeachbackTopic>(topic =>
        {
            topic.ToTable("teachback_topics");
            topic.HasKey(t => t.Id);
            topic.Property(t => t.Id).ValueGeneratedNever();
            topic.Property(t => t.Title).HasMaxLength(200);
            topic.Property(t => t.Prompt).HasMaxLength(TeachbackTopicRules.MaxPromptLength);
            topic.Property(t => t.Language).HasMaxLength(8);
            topic.Property(t => t.KeyPoints).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<IReadOnlyList<string>>(), JsonColumn.Comparer<IReadOnlyList<string>>());
            topic.Property(t => t.Synonyms).HasColumnType("json")
                .HasConversion(JsonColumn.Converter<IReadOnlyDictionary<string, IReadOnlyList<string>>>(),
                    JsonColumn.Comparer<IReadOnlyDictionary<string, IReadOnlyList<string>>>());
            // Two managers saving at once: the second is a 409, so versions announced never go backwards.
            topic.Property(t => t.Version).IsConcurrencyToken();
            topic.HasIndex(t => t.CourseId);
        });
}
