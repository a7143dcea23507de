using System.Net;
using Lms.Identity.Sessions;
using Microsoft.AspNetCore.Http;

namespace Lms.Services.Tests.Identity.Rules;

public sealed class Refresh_clients
{
    private static string Of(string address, string? browser = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (browser is not null)
        {
            context.Request.Headers.Cookie = $"{RefreshClient.CookieName}={browser}";
        }
        return RefreshClient.Of(context);
    }

    [Fact]
    public void A_browser_is_known_by_its_client_cookie_wherever_it_is()
    {
        Assert.Equal(Of("203.0.113.7", browser: "tab-value"), Of("198.51.100.9", browser: "tab-value"));
        Assert.NotEqual(Of("203.0.113.7", browser: "tab-value"), Of("203.0.113.7", browser: "other-value"));
    }

    [Fact]
    public void A_client_without_the_cookie_is_known_by_its_address_and_an_ipv6_one_by_its_64_block()
    {
        Assert.Equal(Of("2001:db8:1:2::5"), Of("2001:db8:1:2:aaaa::9"));
        Assert.NotEqual(Of("2001:db8:1:2::5"), Of("2001:db8:1:3::5"));
        Assert.NotEqual(Of("203.0.113.7"), Of("203.0.113.8"));
    }

    [Fact]
    public void Leaving_the_cookie_out_makes_another_client_even_at_the_same_address()
    {
        Assert.NotEqual(Of("203.0.113.7", browser: "tab-value"), Of("203.0.113.7"));
    }

    [Fact]
    public void Only_a_hash_is_kept()
    {
        var client = Of("203.0.113.7", browser: "tab-value");

        Assert.Equal(64, client.Length);
        Assert.DoesNotContain("tab-value", client, StringComparison.Ordinal);
    }
}
