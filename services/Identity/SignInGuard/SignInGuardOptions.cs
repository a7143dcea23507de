namespace Lms.Identity.SignInGuard;

/// <summary>
/// Section <c>SignIn</c>: how much password hashing one client address may make the service do for nothing, and how
/// much hashing runs at once. See the README, "Credential stuffing".
/// </summary>
public sealed class SignInGuardOptions
{
    /// <summary>Failed sign-ins (wrong password, unknown login, unconfirmed account) one address may spend per <see cref="FailureWindow"/>.</summary>
    public int FailuresPerAddress { get; set; } = 30;

    /// <summary>The time in which a fully spent budget comes back; it comes back steadily, a failure at a time.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Password hashes computed at once; 0 means one per processor. Hashing is pure CPU, so more only queue inside the OS.</summary>
    public int ConcurrentHashes { get; set; }

    /// <summary>
    /// Sign-ins of one standing (trusted, unknown) waiting for a hashing slot before the next is answered 503 at once;
    /// suspect addresses may queue only one per slot.
    /// </summary>
    public int QueuedHashes { get; set; } = 64;

    /// <summary>
    /// Networks whose <c>X-Forwarded-For</c> is believed (the gateway's; in AWS the VPC). Loopback is always believed:
    /// locally the gateway runs there.
    /// </summary>
    public string[] TrustedProxyNetworks { get; set; } = [];

    public int EffectiveConcurrentHashes => ConcurrentHashes > 0 ? ConcurrentHashes : Environment.ProcessorCount;
}
