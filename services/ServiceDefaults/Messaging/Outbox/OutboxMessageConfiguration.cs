using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.ServiceDefaults.Messaging.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Sequence);
        builder.Property(m => m.Sequence).ValueGeneratedOnAdd();
        builder.HasIndex(m => m.MessageId).IsUnique();
        // The relay's query: pending rows in sequence order.
        builder.HasIndex(m => new { m.SentAt, m.Sequence });
        builder.Property(m => m.MessageType).HasMaxLength(300).IsRequired();
        builder.Property(m => m.Payload).HasColumnType("longtext").IsRequired();
        builder.Property(m => m.TraceParent).HasMaxLength(64);
        builder.Property(m => m.TraceState).HasMaxLength(512);
        builder.Property(m => m.LastError).HasMaxLength(2000);
    }
}
