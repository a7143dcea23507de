using Microsoft.AspNetCore.Identity;

namespace Lms.Identity.Accounts;

/// <summary>
/// A person's account. Email and username are unique regardless of case (ASP.NET Core Identity normalises
/// them). The organisation role comes from membership events of the institution and company services.
/// </summary>
public sealed class User : IdentityUser<Guid>
{
    public string Name { get; set; } = string.Empty;

    public DateOnly? BirthDate { get; set; }

    public string? Gender { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the profile last changed; orders the <c>UserProfileChanged</c> events.</summary>
    public DateTimeOffset ProfileChangedAt { get; set; }

    public OrganisationRole? Organisation { get; private set; }

    /// <summary>The time of the newest membership event applied; older events arriving late are ignored.</summary>
    public DateTimeOffset? MembershipChangedAt { get; private set; }

    /// <summary>
    /// Applies a membership event: <paramref name="role"/> is the role now held in <paramref name="organisationId"/>,
    /// or null when the user left it. A removal from an organisation the user no longer belongs to changes nothing.
    /// </summary>
    public bool ApplyMembership(Guid organisationId, OrganisationRole? role, DateTimeOffset occurredAt)
    {
        if (MembershipChangedAt is { } last && occurredAt <= last)
        {
            return false;
        }

        if (role is null && Organisation?.OrganisationId != organisationId)
        {
            return false;
        }

        // One organisation at a time: another organisation cannot take a member over; they leave first.
        if (role is not null && Organisation is { } current && current.OrganisationId != organisationId)
        {
            return false;
        }

        Organisation = role;
        MembershipChangedAt = occurredAt;
        return true;
    }

    /// <summary>When a platform admin suspended the account; null while it may sign in.</summary>
    public DateTimeOffset? SuspendedAt { get; private set; }

    public bool IsSuspended => SuspendedAt is not null;

    /// <summary>What an admin sees: SUSPENDED, else UNCONFIRMED until the email is confirmed, else ACTIVE.</summary>
    public string State => IsSuspended ? AccountStates.Suspended : EmailConfirmed ? AccountStates.Active : AccountStates.Unconfirmed;

    /// <summary>Stops the account signing in; the caller revokes its sessions in the same transaction.</summary>
    public AccountRefusal? Suspend(DateTimeOffset now)
    {
        if (IsSuspended)
        {
            return AccountRefusal.AlreadySuspended;
        }

        SuspendedAt = now;
        return null;
    }

    public AccountRefusal? Reinstate()
    {
        if (!IsSuspended)
        {
            return AccountRefusal.NotSuspended;
        }

        SuspendedAt = null;
        return null;
    }

    /// <summary>The roles the next token carries: platform roles, then the organisation role or Visitor.</summary>
    public IReadOnlyList<string> TokenRoles(IEnumerable<string> platformRoles) =>
        [.. platformRoles, Organisation?.Role ?? Lms.ServiceDefaults.Security.Roles.Visitor];
}

/// <summary>The role a user holds in their one organisation (DOMAIN.md: at most one at a time).</summary>
public sealed record OrganisationRole(string Role, Guid OrganisationId, string OrganisationType)
{
    public const string Institution = "institution";
    public const string Company = "company";
}
