using Microsoft.Playwright;

namespace Lms.WebBench;

/// <summary>What crossed the wire, counted from the browser's own network events (compressed sizes, headers included).</summary>
public sealed class WireBytes
{
    private readonly Dictionary<string, string> _types = [];
    private readonly object _gate = new();

    public long Total { get; private set; }

    public long Script { get; private set; }

    public int Requests { get; private set; }

    public WireBytes(ICDPSession cdp)
    {
        cdp.Event("Network.responseReceived").OnEvent += (_, e) =>
        {
            if (e is { } body)
            {
                lock (_gate)
                {
                    _types[body.GetProperty("requestId").GetString()!] = body.GetProperty("type").GetString() ?? "";
                }
            }
        };
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e is not { } body)
            {
                return;
            }
            var bytes = (long)body.GetProperty("encodedDataLength").GetDouble();
            lock (_gate)
            {
                Total += bytes;
                Requests++;
                if (_types.GetValueOrDefault(body.GetProperty("requestId").GetString()!) == "Script")
                {
                    Script += bytes;
                }
            }
        };
    }

    public (long Total, long Script, int Requests) Snapshot()
    {
        lock (_gate)
        {
            return (Total, Script, Requests);
        }
    }
}
