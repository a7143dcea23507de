using Lms.Contracts.Identity;
using Lms.Identity.Accounts;
using Lms.Identity.Data;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lms.Identity.Demo;

/// <summary>Section <c>Demo</c>: whether to create the demo accounts, and their password.</summary>
public sealed class DemoOptions
{
    public bool SeedAccounts { get; set; }

    public string Password { get; set; } = "Demo-pass-2026!";
}

/// <summary>
/// Confirmed accounts for trying the platform locally (<c>./lms up</c> turns this on): an admin and four
/// people who start as visitors. <c>scripts/seed.py</c> then has them create a real institution and company
/// through the API, so their organisation roles come from membership events like everyone else's.
/// </summary>
internal sealed partial class DemoAccounts(IServiceScopeFactory scopes, IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoAccounts> logger)
    : IHostedService
{
    private static readonly (string Username, string Name, string? PlatformRole)[] Accounts =
    [
        ("admin", "관리자", Roles.Admin),
        ("manager", "김기관", null),
        ("supervisor", "이인사", null),
        ("employee", "박사원", null),
        ("visitor", "최방문", null),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedAccounts)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        foreach (var (username, name, platformRole) in Accounts)
        {
            if (await users.FindByNameAsync(username) is not null)
            {
                continue;
            }

            var now = clock.GetUtcNow();
            var user = new User
            {
                Id = Guid.CreateVersion7(), UserName = username, Email = $"{username}@demo.lms", Name = name,
                EmailConfirmed = true, CreatedAt = now, ProfileChangedAt = now,
            };
            var created = await users.CreateAsync(user, options.Value.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {username}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            if (platformRole is not null)
            {
                await users.AddToRoleAsync(user, platformRole);
            }

            db.PublishOnSave(new UserRegistered(user.Id, user.Email, user.UserName, user.Name, now));
            await db.SaveChangesAsync(cancellationToken);
            LogCreated(logger, user.Email);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Demo account {Email} created")]
    private static partial void LogCreated(ILogger logger, string email);
}
