using Microsoft.Playwright;

namespace Lms.WebBench;

/// <summary>
/// A mid-range laptop on an office connection, as Lighthouse-style lab measurements describe one: 20 Mbit/s down,
/// 5 Mbit/s up, 40 ms round trip, the CPU four times slower than this machine's.
/// </summary>
public static class ThrottledProfile
{
    public const double DownloadMbit = 20;
    public const double LatencyMs = 40;
    public const double CpuSlowdown = 4;

    public static async Task<ICDPSession> ApplyAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.setCacheDisabled", new() { ["cacheDisabled"] = true });
        await cdp.SendAsync("Network.emulateNetworkConditions", new()
        {
            ["offline"] = false,
            ["latency"] = LatencyMs,
            ["downloadThroughput"] = DownloadMbit * 1_000_000 / 8,
            ["uploadThroughput"] = 5.0 * 1_000_000 / 8,
        });
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new() { ["rate"] = CpuSlowdown });
        return cdp;
    }
}
