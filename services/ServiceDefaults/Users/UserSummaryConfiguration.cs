using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.ServiceDefaults.Users;

internal sealed class UserSummaryConfiguration : IEntityTypeConfiguration<UserSummary>
{
    public void Configure(EntityTypeBuilder<UserSummary> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Email).HasMaxLength(256);
        builder.Property(u => u.Username).HasMaxLength(64);
        builder.Property(u => u.Name).HasMaxLength(100);
    }
}
