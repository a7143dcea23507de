namespace Lms.Identity.SignInGuard;

/// <summary>How a client address has behaved lately, which decides how soon its next password hash is computed.</summary>
public enum AddressStanding
{
    /// <summary>Someone signed in from here within the failure window: served first.</summary>
    Trusted = 0,

    /// <summary>Nothing known: served after trusted addresses.</summary>
    Unknown = 1,

    /// <summary>A failure not yet recovered and no recent success: served last, and never on every hashing slot at once.</summary>
    Suspect = 2,
}
