using Microsoft.AspNetCore.HttpOverrides;

namespace Lms.Identity.SignInGuard;

public static class SignInGuardExtensions
{
    /// <summary>
    /// The sign-in guard (per-address failure budget, bounded hashing) and where it learns the client's address: the
    /// gateway sets <c>X-Forwarded-For</c> to the address it saw (YARP replaces whatever the client sent), and that header
    /// is believed only from loopback and from <c>SignIn:TrustedProxyNetworks</c>. From anyone else it is ignored, so a
    /// client that reaches the service directly cannot pick the address its failures are counted against.
    /// </summary>
    public static WebApplicationBuilder AddSignInGuard(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignInGuardOptions>().BindConfiguration("SignIn")
            .Validate(o => o.FailuresPerAddress > 0 && o.FailureWindow > TimeSpan.Zero && o.ConcurrentHashes >= 0 && o.QueuedHashes >= 0,
                "SignIn: FailuresPerAddress and FailureWindow must be positive, ConcurrentHashes and QueuedHashes not negative.")
            .ValidateOnStart();
        builder.Services.AddSingleton<AddressFailureBudget>();
        builder.Services.AddSingleton<PasswordHashingGate>();

        var trusted = builder.Configuration.GetSection("SignIn:TrustedProxyNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Only the address: the scheme and host the service answers with do not depend on the proxy.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            // The default trusts 127.0.0.0/8 and ::1 (the local gateway); the gateway's own address is one hop.
            options.ForwardLimit = 1;
            foreach (var network in trusted)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }
}
