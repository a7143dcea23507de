namespace Lms.Identity.Accounts;

/// <summary>An account's state as admins see and filter it; sent as these words.</summary>
public static class AccountStates
{
    public const string Active = "ACTIVE";
    public const string Suspended = "SUSPENDED";
    public const string Unconfirmed = "UNCONFIRMED";

    public static readonly IReadOnlyList<string> All = [Active, Suspended, Unconfirmed];
}
