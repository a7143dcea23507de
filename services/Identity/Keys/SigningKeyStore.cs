using Lms.Identity.Data;
using Lms.Identity.Sessions;
using Lms.ServiceDefaults.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Lms.Identity.Keys;

/// <summary>The keys in force, read from the database and cached for a few minutes.</summary>
public sealed record SigningKeySet(RsaSecurityKey Active, IReadOnlyList<RsaSecurityKey> Published, DateTimeOffset LoadedAt);

/// <summary>
/// Loads the signing keys, creating the first one if there is none and a new one when the active key is older than
/// <c>Tokens:RotateAfter</c> (one instance at a time, under a database lock). A key made by another instance is
/// picked up within <see cref="CacheFor"/>, or at once when a token signed with it arrives (at most once per
/// <c>Tokens:UnknownKeyReloadInterval</c>, so tokens with made-up key ids cannot make every request read the database).
/// </summary>
public sealed class SigningKeyStore(
    IServiceScopeFactory scopes, IDataProtectionProvider protection, IOptions<SigningKeyOptions> options, IOptions<TokenIssuingOptions> tokens,
    TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private readonly IDataProtector _protector = protection.CreateProtector(SigningKey.ProtectionPurpose);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private SigningKeySet? _current;
    private DateTimeOffset _lastForcedReload = DateTimeOffset.MinValue;

    /// <summary>
    /// How long a retired key stays published: other instances may sign with it until they reload (<see cref="CacheFor"/>),
    /// and its last token then lives <c>Auth:AccessTokenLifetime</c>, validated with up to a minute of clock skew.
    /// </summary>
    public TimeSpan RetiredKeyGrace => CacheFor + tokens.Value.AccessTokenLifetime + TimeSpan.FromMinutes(1);

    public async Task<SigningKeySet> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } fresh && clock.GetUtcNow() - fresh.LoadedAt < CacheFor)
        {
            return fresh;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } loaded && clock.GetUtcNow() - loaded.LoadedAt < CacheFor)
            {
                return loaded;
            }

            return _current = await LoadAsync(cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Reloads at the next use, unless a forced reload happened less than the configured interval ago.</summary>
    public bool RequestReload()
    {
        var now = clock.GetUtcNow();
        lock (_loading)
        {
            if (now - _lastForcedReload < options.Value.UnknownKeyReloadInterval)
            {
                return false;
            }

            _lastForcedReload = now;
            _current = null;
            return true;
        }
    }

    public void Dispose() => _loading.Dispose();

    private async Task<SigningKeySet> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var now = clock.GetUtcNow();
        var keys = await ReadAsync(db, cancellationToken);
        if (!keys.Any(k => k.RetiredAt is null) || keys.Any(k => k.IsDue(now, options.Value.RotateAfter)) || keys.Any(k => k.IsStoredInPlain))
        {
            keys = await RotateAsync(db, cancellationToken);
        }

        var published = keys.Where(k => k.IsPublished(now, RetiredKeyGrace)).Select(k => k.ToSecurityKey(_protector)).ToList();
        var active = published.First(k => k.KeyId == keys.First(key => key.RetiredAt is null).KeyId);
        return new SigningKeySet(active, published, now);
    }

    private static Task<List<SigningKey>> ReadAsync(AccountsDbContext db, CancellationToken cancellationToken) =>
        db.SigningKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);

    // Creates the first key, replaces a key that is due, and encrypts keys stored before encryption existed.
    private async Task<List<SigningKey>> RotateAsync(AccountsDbContext db, CancellationToken cancellationToken)
    {
        await using (var held = await DatabaseLock.TryAcquireAsync(db, "signing-keys", TimeSpan.FromSeconds(30), cancellationToken)
            ?? throw new InvalidOperationException("Could not take the signing-key lock."))
        {
            // Another instance may have done it while this one waited for the lock: decide again on fresh rows.
            var now = clock.GetUtcNow();
            var keys = await db.SigningKeys.ToListAsync(cancellationToken);
            foreach (var plain in keys.Where(k => k.IsStoredInPlain))
            {
                plain.Encrypt(_protector);
            }

            var active = keys.Where(k => k.RetiredAt is null).ToList();
            if (active.Count == 0 || active.Any(k => k.IsDue(now, options.Value.RotateAfter)))
            {
                active.ForEach(k => k.Retire(now));
                db.SigningKeys.Add(SigningKey.Generate(now, _protector));
            }

            // Keys no token can carry any more are of no further use.
            db.SigningKeys.RemoveRange(keys.Where(k => k.RetiredAt is { } retired && now - retired >= RetiredKeyGrace + TimeSpan.FromDays(1)));
            await db.SaveChangesAsync(cancellationToken);
        }

        return await ReadAsync(db, cancellationToken);
    }
}
