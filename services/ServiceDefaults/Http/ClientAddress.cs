using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Lms.ServiceDefaults.Http;

/// <summary>
/// The client's address as a key to count requests by (the gateway's rate limits, identity's sign-in budget), after
/// the forwarded-headers middleware has put the address the load balancer or gateway saw there. One IPv6 subscriber
/// gets a whole /64, so an IPv6 client is counted by its /64; otherwise one person could rotate through billions of
/// addresses.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => Block(context.Connection.RemoteIpAddress);

    public static string Block(IPAddress? address)
    {
        if (address is null)
        {
            // Only the in-memory test server has no socket.
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
