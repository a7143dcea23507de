using Lms.Identity.Data;
using Lms.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Lms.Identity.Keys;

/// <summary>The keys in force, read from the database and cached for a few minutes.</summary>
public sealed record SigningKeySet(RsaSecurityKey Active, IReadOnlyList<RsaSecurityKey> Published, DateTimeOffset LoadedAt);

/// <summary>
/// Loads the signing keys, creating the first one if there is none (one instance at a time, under a
/// database lock). A rotation made by another instance is picked up within <see cref="CacheFor"/>.
/// </summary>
public sealed class SigningKeyStore(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    // Tokens live 15 minutes; a retired key stays published a day so no valid token loses its key.
    private static readonly TimeSpan RetiredKeyGrace = TimeSpan.FromDays(1);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private SigningKeySet? _current;

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

    public void Invalidate() => _current = null;

    public void Dispose() => _loading.Dispose();

    private async Task<SigningKeySet> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var now = clock.GetUtcNow();
        var keys = await db.SigningKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
        if (!keys.Any(k => k.RetiredAt is null))
        {
            keys = await CreateFirstKeyAsync(db, cancellationToken);
        }

        var published = keys.Where(k => k.IsPublished(now, RetiredKeyGrace)).Select(k => k.ToSecurityKey()).ToList();
        var active = published.First(k => k.KeyId == keys.First(key => key.RetiredAt is null).KeyId);
        return new SigningKeySet(active, published, now);
    }

    private async Task<List<SigningKey>> CreateFirstKeyAsync(AccountsDbContext db, CancellationToken cancellationToken)
    {
        await using (var held = await DatabaseLock.TryAcquireAsync(db, "signing-keys", TimeSpan.FromSeconds(30), cancellationToken)
            ?? throw new InvalidOperationException("Could not take the signing-key lock."))
        {
            // Another instance may have created it while this one waited for the lock.
            if (!await db.SigningKeys.AnyAsync(k => k.RetiredAt == null, cancellationToken))
            {
                db.SigningKeys.Add(SigningKey.Generate(clock.GetUtcNow()));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return await db.SigningKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
    }
}
