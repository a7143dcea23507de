using System.Net;
using System.Net.Http.Json;

namespace Lms.ServiceDefaults.Tests.Gateway;

/// <summary>Asking for a reset code and guessing one are held to the strict sign-in limits, per address and per account.</summary>
public sealed class Limiting_password_recovery(GatewayWithSmallLimits gateway) : IClassFixture<GatewayWithSmallLimits>
{
    [Theory]
    [InlineData("/identity/v1/password/forgot", "login")]
    [InlineData("/identity/v1/password/reset", "email")]
    public async Task One_address_naming_a_new_account_each_time_is_held_to_the_strict_limit(string path, string field)
    {
        var address = NewAddress();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= GatewayWithSmallLimits.PerAddress; attempt++)
        {
            using var response = await PostAsync(path, field, NewAccount(), from: address);
            statuses.Add(response.StatusCode);
        }
        using var elsewhere = await PostAsync(path, field, NewAccount(), from: NewAddress());

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadGateway, GatewayWithSmallLimits.PerAddress), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.BadGateway, elsewhere.StatusCode);
    }

    [Theory]
    [InlineData("/identity/v1/password/forgot", "login")]
    [InlineData("/identity/v1/password/reset", "email")]
    public async Task One_account_named_from_many_addresses_is_held_to_the_per_account_limit(string path, string field)
    {
        var account = NewAccount();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= GatewayWithSmallLimits.PerAccount; attempt++)
        {
            using var response = await PostAsync(path, field, attempt % 2 == 0 ? account : account.ToUpperInvariant(), from: NewAddress());
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }
        using var another = await PostAsync(path, field, NewAccount(), from: NewAddress());

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadGateway, GatewayWithSmallLimits.PerAccount), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.BadGateway, another.StatusCode);
    }

    [Fact]
    public async Task A_byte_order_mark_or_a_look_alike_spelling_does_not_hide_the_account_from_its_limit()
    {
        var account = $"kim.{Guid.NewGuid():N}@example.com";
        var kelvin = "\u212Aim" + account[3..]; // KELVIN SIGN: the same name after NFKC

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= GatewayWithSmallLimits.PerAccount; attempt++)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(new { email = attempt % 2 == 0 ? account : kelvin, code = "123456", newPassword = "a brand new secret 42" });
            using var request = new HttpRequestMessage(HttpMethod.Post, "/identity/v1/password/reset")
            {
                Content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(json)]),
            };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.Add(GatewayWithSmallLimits.PeerHeader, NewAddress());
            using var response = await gateway.CreateClient().SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string field, string account, string from)
    {
        var body = new Dictionary<string, string> { [field] = account, ["code"] = "123456", ["newPassword"] = "a brand new secret 42" };
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(GatewayWithSmallLimits.PeerHeader, from);
        return gateway.CreateClient().SendAsync(request);
    }

    private static string NewAccount() => $"someone.{Guid.NewGuid():N}@example.com";

    // A fresh /64 of the documentation prefix (RFC 3849): only ever a peer address here, never a destination.
    private static string NewAddress() => $"2001:db8:{Random.Shared.Next(0x10000):x}:{Random.Shared.Next(0x10000):x}::1";
}
