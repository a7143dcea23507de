namespace Lms.Identity.Keys;

/// <summary>
/// Makes sure a signing key exists before the service takes requests, so the key set that other services
/// fetch at their first authenticated request is never empty.
/// </summary>
internal sealed class SigningKeyBootstrap(SigningKeyStore keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => keys.GetAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
