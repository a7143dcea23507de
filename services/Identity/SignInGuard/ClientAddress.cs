using System.Net;
using System.Net.Sockets;

namespace Lms.Identity.SignInGuard;

/// <summary>
/// The client's address as a budget key, after the forwarded-headers middleware has put the gateway's
/// <c>X-Forwarded-For</c> there. One IPv6 subscriber gets a whole /64, so an IPv6 client is counted by its /64 (as the
/// gateway's rate limits count it); otherwise one person could rotate through billions of addresses.
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
