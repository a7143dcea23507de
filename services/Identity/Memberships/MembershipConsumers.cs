using Lms.Contracts.Memberships;
using Lms.Identity.Accounts;
using Lms.Identity.Data;
using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Lms.Identity.Memberships;

/// <summary>What a membership event means for the user's one organisation role; null role = left it.</summary>
public sealed record MembershipChange(Guid UserId, Guid OrganisationId, OrganisationRole? Role, DateTimeOffset OccurredAt);

/// <summary>
/// Grants and revokes the organisation role from the institution and company services' membership events.
/// The next token the user gets (at their next refresh) carries the change.
/// </summary>
public abstract partial class MembershipConsumer<TMessage>(AccountsDbContext db, TimeProvider clock, ILogger logger)
    : InboxConsumer<TMessage, AccountsDbContext>(db, clock, logger)
    where TMessage : class
{
    protected abstract MembershipChange Describe(TMessage message);

    protected override async Task HandleAsync(TMessage message, CancellationToken cancellationToken)
    {
        var change = Describe(message);
        // A membership names a user identity created before any other service heard of them, so an unknown user
        // will not appear by waiting: the error queue at once is the honest outcome, not silently dropping the grant.
        var user = await Db.Users.SingleOrDefaultAsync(u => u.Id == change.UserId, cancellationToken)
            ?? throw new UnprocessableMessageException($"Membership event for unknown user {change.UserId}.");
        if (!user.ApplyMembership(change.OrganisationId, change.Role, change.OccurredAt) && change.Role is not null &&
            user.Organisation?.OrganisationId != change.OrganisationId)
        {
            LogRefused(Logger, change.UserId, change.OrganisationId);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Membership grant for user {UserId} in organisation {OrganisationId} refused: the user belongs to another organisation")]
    private static partial void LogRefused(ILogger logger, Guid userId, Guid organisationId);

    protected static OrganisationRole CompanyRole(Guid companyId, string role) => new(
        role == CompanyMemberRoles.Supervisor ? Roles.CompanySupervisor : Roles.Employee, companyId, OrganisationRole.Company);
}

public sealed class InstitutionManagerAddedConsumer(AccountsDbContext db, TimeProvider clock, ILogger<InstitutionManagerAddedConsumer> logger)
    : MembershipConsumer<InstitutionManagerAdded>(db, clock, logger)
{
    protected override MembershipChange Describe(InstitutionManagerAdded m) =>
        new(m.UserId, m.InstitutionId, new OrganisationRole(Roles.InstitutionManager, m.InstitutionId, OrganisationRole.Institution), m.OccurredAt);
}

public sealed class InstitutionManagerRemovedConsumer(AccountsDbContext db, TimeProvider clock, ILogger<InstitutionManagerRemovedConsumer> logger)
    : MembershipConsumer<InstitutionManagerRemoved>(db, clock, logger)
{
    protected override MembershipChange Describe(InstitutionManagerRemoved m) => new(m.UserId, m.InstitutionId, null, m.OccurredAt);
}

public sealed class CompanyMemberJoinedConsumer(AccountsDbContext db, TimeProvider clock, ILogger<CompanyMemberJoinedConsumer> logger)
    : MembershipConsumer<CompanyMemberJoined>(db, clock, logger)
{
    protected override MembershipChange Describe(CompanyMemberJoined m) => new(m.UserId, m.CompanyId, CompanyRole(m.CompanyId, m.Role), m.OccurredAt);
}

public sealed class CompanyMemberRoleChangedConsumer(AccountsDbContext db, TimeProvider clock, ILogger<CompanyMemberRoleChangedConsumer> logger)
    : MembershipConsumer<CompanyMemberRoleChanged>(db, clock, logger)
{
    protected override MembershipChange Describe(CompanyMemberRoleChanged m) => new(m.UserId, m.CompanyId, CompanyRole(m.CompanyId, m.Role), m.OccurredAt);
}

public sealed class CompanyMemberLeftConsumer(AccountsDbContext db, TimeProvider clock, ILogger<CompanyMemberLeftConsumer> logger)
    : MembershipConsumer<CompanyMemberLeft>(db, clock, logger)
{
    protected override MembershipChange Describe(CompanyMemberLeft m) => new(m.UserId, m.CompanyId, null, m.OccurredAt);
}
