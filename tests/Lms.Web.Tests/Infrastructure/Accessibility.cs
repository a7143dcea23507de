using System.Text.Json;
using Microsoft.Playwright;

namespace Lms.Web.Tests.Infrastructure;

/// <summary>axe-core (the version web/ pins) run on the page as it is now.</summary>
public static class Accessibility
{
    private static readonly string AxeScript = Path.Combine(Repository.Root, "web", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Fails naming each serious or critical violation, its rule and the first elements it was found on.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (await page.EvaluateAsync<bool>("() => typeof window.axe === 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        }
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await window.axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
            }
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"axe found on {where}:\n{string.Join('\n', found)}");
    }
}
