using Lms.Identity.Accounts;

namespace Lms.Identity.Administration;

/// <summary>
/// What an admin may do to an account. An admin never acts on their own account (suspending it or revoking their own
/// admin role): with every action also requiring an active admin to take it, the platform always keeps one.
/// </summary>
public static class AccountAdminRules
{
    public static AccountRefusal? Suspend(Guid adminId, User target, DateTimeOffset now) =>
        target.Id == adminId ? AccountRefusal.OwnAccount : target.Suspend(now);

    public static AccountRefusal? Reinstate(User target) => target.Reinstate();

    /// <summary>Only to an account that can use it: confirmed and not suspended.</summary>
    public static AccountRefusal? GrantAdmin(User target, bool isAdmin) =>
        isAdmin ? AccountRefusal.AlreadyAdmin
        : target.State != AccountStates.Active ? AccountRefusal.NotActive
        : null;

    public static AccountRefusal? RevokeAdmin(Guid adminId, User target, bool isAdmin) =>
        target.Id == adminId ? AccountRefusal.OwnAccount
        : !isAdmin ? AccountRefusal.NotAdmin
        : null;
}
