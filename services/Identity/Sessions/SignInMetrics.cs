using System.Diagnostics.Metrics;

namespace Lms.Identity.Sessions;

/// <summary>
/// Refused sign-ins by reason (meter <c>Lms.Identity</c>). The client is told one thing for an unknown login, a wrong
/// password and an unconfirmed account; the metric tells them apart, because a flood of unknown logins is credential
/// stuffing and a flood of wrong passwords is someone's account under attack.
/// </summary>
public sealed class SignInMetrics
{
    public const string MeterName = "Lms.Identity";

    public const string Throttled = "throttled";
    public const string Busy = "busy";
    public const string LockedOut = "locked_out";
    public const string UnknownLogin = "unknown_login";
    public const string WrongPassword = "wrong_password";
    public const string Unconfirmed = "unconfirmed";

    private readonly Counter<long> _refusals;

    public SignInMetrics(IMeterFactory meters) =>
        _refusals = meters.Create(MeterName).CreateCounter<long>("lms.identity.sign_in.refusals", "{attempt}",
            "Sign-in attempts refused, by lms.refusal.reason: throttled, busy, locked_out, unknown_login, wrong_password, unconfirmed");

    public void Refused(string reason) => _refusals.Add(1, new KeyValuePair<string, object?>("lms.refusal.reason", reason));
}
