using Lms.Identity.Accounts;

namespace Lms.Identity.Administration;

/// <summary>How an admin action on an account ended.</summary>
public abstract record AdminOutcome
{
    private AdminOutcome()
    {
    }

    /// <summary>Done and recorded: the account as it is now.</summary>
    public sealed record Done(AdminUserView User) : AdminOutcome;

    public sealed record NotFound : AdminOutcome;

    /// <summary>The accounts' state does not allow it; nothing changed.</summary>
    public sealed record Refused(AccountRefusal Refusal) : AdminOutcome;

    /// <summary>The caller lost the admin role or was suspended since their token was issued.</summary>
    public sealed record NotAnAdmin : AdminOutcome;
}
