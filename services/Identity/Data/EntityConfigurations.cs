using Lms.Identity.Accounts;
using Lms.Identity.Administration;
using Lms.ServiceDefaults.Administration;
using Lms.Identity.External;
using Lms.Identity.Keys;
using Lms.Identity.Passwords;
using Lms.Identity.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Identity.Data;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(100);
        builder.Property(u => u.Gender).HasMaxLength(16);
        // Identity enforces unique emails in code only; the index settles two sign-ups racing.
        builder.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
        builder.OwnsOne(u => u.Organisation, organisation =>
        {
            organisation.Property(o => o.Role).HasColumnName("organisation_role").HasMaxLength(32);
            organisation.Property(o => o.OrganisationId).HasColumnName("organisation_id");
            organisation.Property(o => o.OrganisationType).HasColumnName("organisation_type").HasMaxLength(16);
        });
    }
}

internal sealed class EmailConfirmationConfiguration : IEntityTypeConfiguration<EmailConfirmation>
{
    public void Configure(EntityTypeBuilder<EmailConfirmation> builder)
    {
        builder.ToTable("email_confirmations");
        builder.HasKey(c => c.UserId);
        builder.Property(c => c.CodeHash).HasMaxLength(256);
        builder.HasOne<User>().WithOne().HasForeignKey<EmailConfirmation>(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("refresh_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.FamilyId);
        builder.Property(t => t.SealedSuccessor).HasMaxLength(512);
        builder.Property(t => t.SpentBy).HasMaxLength(64);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> builder)
    {
        builder.ToTable("signing_keys");
        builder.HasKey(k => k.KeyId);
        builder.Property(k => k.KeyId).HasMaxLength(64);
        builder.Property(k => k.ProtectedPrivateKey).HasColumnType("text");
    }
}

internal sealed class ExternalLoginStateConfiguration : IEntityTypeConfiguration<ExternalLoginState>
{
    public void Configure(EntityTypeBuilder<ExternalLoginState> builder)
    {
        builder.ToTable("external_login_states");
        builder.HasKey(s => s.StateHash);
        builder.Property(s => s.StateHash).HasMaxLength(64);
        builder.Property(s => s.Provider).HasMaxLength(32);
        builder.Property(s => s.CodeVerifier).HasMaxLength(64);
        builder.HasIndex(s => s.ExpiresAt);
    }
}

internal sealed class PasswordResetConfiguration : IEntityTypeConfiguration<PasswordReset>
{
    public void Configure(EntityTypeBuilder<PasswordReset> builder)
    {
        builder.ToTable("password_resets");
        builder.HasKey(r => r.UserId);
        builder.Property(r => r.CodeHash).HasMaxLength(256);
        builder.HasOne<User>().WithOne().HasForeignKey<PasswordReset>(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CodeGuessBudgetConfiguration : IEntityTypeConfiguration<CodeGuessBudget>
{
    public void Configure(EntityTypeBuilder<CodeGuessBudget> builder)
    {
        builder.ToTable("code_guess_budgets");
        builder.HasKey(b => b.UserId);
        builder.HasOne<User>().WithOne().HasForeignKey<CodeGuessBudget>(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("data_protection_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.FriendlyName).HasMaxLength(128);
        builder.Property(k => k.Xml).HasColumnType("text");
    }
}

internal sealed class AdminActionConfiguration : IEntityTypeConfiguration<AdminAction>
{
    public void Configure(EntityTypeBuilder<AdminAction> builder)
    {
        builder.ToTable("admin_actions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Action).HasMaxLength(32);
        builder.Property(a => a.TargetType).HasMaxLength(16);
        builder.Property(a => a.TargetName).HasMaxLength(256);
        builder.Property(a => a.Reason).HasMaxLength(AdminActionRequest.MaxReasonLength);
        // The trail is read newest first, whole or for one target or one admin.
        builder.HasIndex(a => new { a.OccurredAt, a.Id });
        builder.HasIndex(a => new { a.TargetId, a.OccurredAt });
        builder.HasIndex(a => new { a.AdminId, a.OccurredAt });
    }
}
