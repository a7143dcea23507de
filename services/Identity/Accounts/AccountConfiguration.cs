using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Identity.Accounts;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Email).HasMaxLength(256);
        builder.Property(a => a.NormalizedEmail).HasMaxLength(256);
        builder.Property(a => a.Username).HasMaxLength(32);
        builder.Property(a => a.NormalizedUsername).HasMaxLength(32);
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.Property(a => a.PasswordHash).HasMaxLength(512);
        // The unique indexes settle races between two sign-ups with the same email or username.
        builder.HasIndex(a => a.NormalizedEmail).IsUnique();
        builder.HasIndex(a => a.NormalizedUsername).IsUnique();
    }
}
