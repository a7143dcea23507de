using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Lms.Gateway.Security;
using Lms.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;

namespace Lms.ServiceDefaults.Tests.Gateway;

/// <summary>The gateway's everyday limit counts people, not offices: many employees share one company address.</summary>
public sealed class Limiting_per_person
{
    private static readonly RateLimitOptions Limits = new() { PermitsPerSecond = 50, Burst = 200 };
    private static readonly IPAddress Office = IPAddress.Parse("203.0.113.7");

    private static DefaultHttpContext Request(IPAddress from, Guid? user)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = from;
        if (user is { } id)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", id.ToString())], "Bearer"));
        }
        return context;
    }

    [Fact]
    public void Three_hundred_signed_in_people_behind_one_address_answering_a_quiz_in_one_second_all_pass()
    {
        using var limiter = RateLimiting.GlobalLimiter(Limits);
        var people = Enumerable.Range(0, 300).Select(_ => Guid.NewGuid()).ToList();

        // Each answers, reloads the quiz and sends a heartbeat within the same second.
        var refused = people.SelectMany(p => Enumerable.Range(0, 3).Select(_ => p))
            .Count(p => !limiter.AttemptAcquire(Request(Office, p)).IsAcquired);

        Assert.Equal(0, refused);
    }

    [Fact]
    public void One_person_flooding_is_refused_while_a_colleague_at_the_same_address_passes()
    {
        using var limiter = RateLimiting.GlobalLimiter(Limits);
        var flooder = Guid.NewGuid();

        var flood = Enumerable.Range(0, 400).Select(_ => limiter.AttemptAcquire(Request(Office, flooder))).ToList();
        using var colleague = limiter.AttemptAcquire(Request(Office, Guid.NewGuid()));

        Assert.Equal(200, flood.Count(l => l.IsAcquired));
        Assert.True(flood.Last().TryGetMetadata(MetadataName.RetryAfter, out _));
        Assert.True(colleague.IsAcquired);
        flood.ForEach(l => l.Dispose());
    }

    [Fact]
    public void Anonymous_requests_share_their_address_and_an_ipv6_client_is_counted_by_its_64_block()
    {
        using var limiter = RateLimiting.GlobalLimiter(Limits);
        var block = "2001:db8:1234:5678:";

        var rotating = Enumerable.Range(0, 300)
            .Select(i => limiter.AttemptAcquire(Request(IPAddress.Parse($"{block}{i:x}:1:2:3"), user: null))).ToList();
        using var elsewhere = limiter.AttemptAcquire(Request(IPAddress.Parse("2001:db8:9999:1::1"), user: null));

        Assert.Equal(200, rotating.Count(l => l.IsAcquired));
        Assert.True(elsewhere.IsAcquired);
        Assert.Equal("2001:db8:1234:5678::/64", ClientAddress.Block(IPAddress.Parse("2001:db8:1234:5678:aaaa:bbbb:cccc:dddd")));
        Assert.Equal("203.0.113.7", ClientAddress.Block(IPAddress.Parse("::ffff:203.0.113.7")));
        rotating.ForEach(l => l.Dispose());
    }

    [Fact]
    public void An_unauthenticated_principal_with_a_sub_claim_is_still_counted_by_address()
    {
        var context = Request(Office, user: null);
        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString())]));

        Assert.Equal("address 203.0.113.7", RateLimiting.PartitionKey(context));
    }
}
