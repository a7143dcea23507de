namespace Lms.Identity.Accounts;

/// <summary>An admin action the accounts' state does not allow: the problem type's last segment and its title (a 409).</summary>
public sealed record AccountRefusal(string Type, string Title)
{
    public static readonly AccountRefusal AlreadySuspended = new("already-suspended", "The account is already suspended.");

    public static readonly AccountRefusal NotSuspended = new("not-suspended", "The account is not suspended.");

    public static readonly AccountRefusal OwnAccount = new("own-account",
        "An admin cannot suspend their own account or revoke their own admin role; another admin can.");

    public static readonly AccountRefusal AlreadyAdmin = new("already-admin", "The account already holds the admin role.");

    public static readonly AccountRefusal NotAdmin = new("not-admin", "The account does not hold the admin role.");

    public static readonly AccountRefusal ChangedMeanwhile = new("concurrent-change", "The account changed at the same time. Try again.");

    public static readonly AccountRefusal NotActive = new("account-not-active",
        "Only an active account (confirmed, not suspended) can be given the admin role.");
}
