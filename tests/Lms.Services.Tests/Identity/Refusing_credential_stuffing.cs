using System.Net;
using System.Net.Http.Json;
using Lms.Identity.Data;
using Lms.Identity.SignInGuard;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lms.Services.Tests.Identity;

/// <summary>
/// An identity service of its own with a small failure budget (3 per 15 minutes, on a clock the tests move), reached as
/// the gateway reaches it: from loopback with the client's address in X-Forwarded-For. A test may also play a caller
/// that is not a proxy.
/// </summary>
public sealed class GuardedIdentity : IAsyncLifetime
{
    public const int Budget = 3;

    /// <summary>The address the in-memory test server reports as the peer (it has no socket): loopback unless a test says otherwise.</summary>
    public const string PeerHeader = PeerAddress.Header;

    public ServiceHost<AccountsDbContext> Host { get; private set; } = null!;

    public Mailbox Mail { get; } = new(Path.Combine(Path.GetTempPath(), $"lms-test-guard-mail-{Guid.NewGuid():N}"));

    /// <summary>The budget's clock only: moving it does not age tokens or lockouts.</summary>
    public ShiftedClock BudgetClock { get; } = new();

    public long Hashes => Host.Services.GetRequiredService<PasswordHashingGate>().Admitted;

    public async Task InitializeAsync() =>
        Host = await ServiceHost<AccountsDbContext>.StartAsync("identity", new Dictionary<string, string>
        {
            ["Mail:PickupDirectory"] = Mail.Directory,
            ["Auth:Cookies:Secure"] = "false",
            ["SignIn:FailuresPerAddress"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SignIn:FailureWindow"] = "00:15:00",
        }, trustTestTokens: false, configureServices: services =>
        {
            services.AddSingleton<IStartupFilter>(new PeerAddress(fallback: "127.0.0.1"));
            services.AddSingleton(provider => new AddressFailureBudget(provider.GetRequiredService<IOptions<SignInGuardOptions>>(), BudgetClock));
        });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[Collection(PlatformGroup.Name)]
public sealed class Refusing_credential_stuffing(GuardedIdentity identity) : IClassFixture<GuardedIdentity>
{
    [Fact]
    public async Task An_address_past_its_failure_budget_is_refused_before_anything_is_hashed()
    {
        var account = await ConfirmedAccountAsync();
        var attacker = NewAddress();
        await SpendBudgetAsync(attacker);
        var hashesBefore = identity.Hashes;

        // Even the right password: judging it would cost the hash the budget exists to save.
        using var refused = await SignInAsync(attacker, account.Email, account.Password);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.EndsWith("/sign-in-throttled", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(hashesBefore, identity.Hashes);
    }

    [Fact]
    public async Task Another_address_still_signs_in()
    {
        var account = await ConfirmedAccountAsync();
        await SpendBudgetAsync(NewAddress());

        using var signedIn = await SignInAsync(NewAddress(), account.Email, account.Password);

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task The_budget_comes_back_after_the_time_it_names()
    {
        var account = await ConfirmedAccountAsync();
        var address = NewAddress();
        await SpendBudgetAsync(address);
        using var refused = await SignInAsync(address, account.Email, account.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        identity.BudgetClock.Advance(refused.Headers.RetryAfter!.Delta!.Value + TimeSpan.FromSeconds(1));
        using var signedIn = await SignInAsync(address, account.Email, account.Password);

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task An_unknown_login_and_a_wrong_password_cost_one_hash_and_answer_alike_within_and_past_the_budget()
    {
        var account = await ConfirmedAccountAsync();
        var address = NewAddress();

        var hashes = identity.Hashes;
        using var unknown = await SignInAsync(address, $"nobody.{Guid.NewGuid():N}@example.com", "wrong password 1");
        var unknownHashes = identity.Hashes - hashes;
        hashes = identity.Hashes;
        using var wrong = await SignInAsync(address, account.Email, "wrong password 1");
        var wrongHashes = identity.Hashes - hashes;
        await SignInAsync(address, account.Email, "wrong password 2");
        using var unknownPast = await SignInAsync(address, $"nobody.{Guid.NewGuid():N}@example.com", "wrong password 1");
        using var wrongPast = await SignInAsync(address, account.Email, "wrong password 3");

        Assert.Equal(1, unknownHashes);
        Assert.Equal(1, wrongHashes);
        Assert.Equal(await DescribeAsync(unknown, HttpStatusCode.Unauthorized), await DescribeAsync(wrong, HttpStatusCode.Unauthorized));
        Assert.Equal(await DescribeAsync(unknownPast, HttpStatusCode.TooManyRequests), await DescribeAsync(wrongPast, HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task A_caller_that_is_not_a_proxy_cannot_choose_its_address_with_X_Forwarded_For()
    {
        var account = await ConfirmedAccountAsync();
        var peer = NewAddress();
        for (var attempt = 0; attempt < GuardedIdentity.Budget; attempt++)
        {
            using var failed = await SignInAsync(NewAddress(), $"nobody.{Guid.NewGuid():N}", "wrong password 1", peer);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var refused = await SignInAsync(NewAddress(), account.Email, account.Password, peer);

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Successful_sign_ins_spend_nothing()
    {
        var account = await ConfirmedAccountAsync();
        var address = NewAddress();

        for (var attempt = 0; attempt < GuardedIdentity.Budget + 2; attempt++)
        {
            using var signedIn = await SignInAsync(address, account.Username, account.Password);
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }
    }

    private async Task<NewAccount> ConfirmedAccountAsync()
    {
        var account = NewAccounts.Unique();
        await identity.Host.Client.SignUpConfirmedAsync(identity.Mail, account);
        return account;
    }

    private async Task SpendBudgetAsync(string address)
    {
        for (var attempt = 0; attempt < GuardedIdentity.Budget; attempt++)
        {
            using var failed = await SignInAsync(address, $"nobody.{Guid.NewGuid():N}", "wrong password 1");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }
    }

    /// <param name="forwardedFor">The client's address as the gateway names it.</param>
    /// <param name="peer">Who connects: loopback (the gateway) unless given.</param>
    private Task<HttpResponseMessage> SignInAsync(string forwardedFor, string login, string password, string? peer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/identity/v1/signin") { Content = JsonContent.Create(new { login, password }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (peer is not null)
        {
            request.Headers.Add(GuardedIdentity.PeerHeader, peer);
        }
        return identity.Host.Client.SendAsync(request);
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.AssertProblemAsync(status);
        return $"{(int)response.StatusCode} {problem.GetProperty("type")} {problem.GetProperty("title")}";
    }

    // A fresh /64 of the documentation prefix (RFC 3849): only ever a header value here, never a destination.
    private static string NewAddress() => $"2001:db8:{Random.Shared.Next(0x10000):x}:{Random.Shared.Next(0x10000):x}::1";
}
