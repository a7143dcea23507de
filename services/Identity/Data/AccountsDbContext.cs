using Lms.Identity.Accounts;
using Lms.Identity.Administration;
using Lms.Identity.External;
using Lms.Identity.Keys;
using Lms.Identity.Passwords;
using Lms.Identity.Sessions;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.ServiceDefaults.Messaging.Outbox;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lms.Identity.Data;

/// <summary>
/// The identity service's own schema (<c>lms_identity</c>): ASP.NET Core Identity's users and roles, email
/// confirmations, password resets, code guess budgets, refresh tokens, signing keys, the Data Protection key ring,
/// the platform's admin audit trail, and the outbox and inbox every service has.
/// </summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IOutboxDbContext
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<OutboxDeadLetter> OutboxDeadLetters => Set<OutboxDeadLetter>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<EmailConfirmation> EmailConfirmations => Set<EmailConfirmation>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<ExternalLoginState> ExternalLoginStates => Set<ExternalLoginState>();

    public DbSet<PasswordReset> PasswordResets => Set<PasswordReset>();

    public DbSet<CodeGuessBudget> CodeGuessBudgets => Set<CodeGuessBudget>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AdminAction> AdminActions => Set<AdminAction>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyServiceModel(this);
        builder.ApplyConfigurationsFromAssembly(typeof(AccountsDbContext).Assembly);

        // Identity's default table names (AspNetUsers, …) read oddly beside the rest of the schema.
        builder.Entity<User>().ToTable("users");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.Entity<IdentityRole<Guid>>().HasData(PlatformRoles.All);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyServiceConventions();
}

/// <summary>Roles granted by the platform itself rather than by a membership; fixed ids so migrations can seed them.</summary>
public static class PlatformRoles
{
    public static readonly IdentityRole<Guid> Admin = new()
    {
        Id = Guid.Parse("0193a1f0-0000-7000-8000-000000000001"),
        Name = Roles.Admin,
        NormalizedName = Roles.Admin.ToUpperInvariant(),
        ConcurrencyStamp = "admin",
    };

    public static IdentityRole<Guid>[] All => [Admin];
}
