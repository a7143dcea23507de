using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.WebBench;
using Microsoft.Playwright;

// dotnet Lms.WebBench.dll [--runs N]   (LMS_GATEWAY, LMS_CHROMIUM; the demo employee of scripts/seed.sh)
// Each run is a new browser context (cold cache, fresh cookies) signed in as the demo employee; the page is opened with
// the throttled profile and timed from navigation start (performance.now()) until its content is on screen.
var gateway = new Uri((Environment.GetEnvironmentVariable("LMS_GATEWAY") ?? "http://127.0.0.1:8080").TrimEnd('/') + "/");
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(5);
const string Login = "employee@demo.lms";
const string Password = "Demo-pass-2026!";

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("LMS_CHROMIUM") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox"],
});

var enrollmentId = await FirstEnrollmentAsync();
// Signed in once (the gateway limits sign-ins per account); each run starts from these cookies in a new, cold context.
var signedIn = await SignedInStateAsync();
var pages = new (string Name, string Path, string Ready)[]
{
    // Usable: the heading and the first course's link are on screen.
    ("my courses", "app/courses", "document.querySelector('main h1') && document.querySelector('main a[href^=\"/app/courses/\"]')"),
    // Usable: the heading and the outline's first item link.
    ("course room", $"app/courses/{enrollmentId}", "document.querySelector('main h1') && document.querySelector('main a[href*=\"/items/\"]')"),
};

Console.WriteLine($"Lms.WebBench: {runs} cold loads per page through {gateway}, {ThrottledProfile.DownloadMbit} Mbit/s, " +
                  $"{ThrottledProfile.LatencyMs} ms RTT, CPU ×{ThrottledProfile.CpuSlowdown}");
foreach (var (name, path, ready) in pages)
{
    var samples = new List<(double Ms, long Total, long Script, int Requests)>();
    for (var run = 0; run < runs; run++)
    {
        samples.Add(await LoadAsync(path, ready));
        Console.WriteLine($"  {name} run {run + 1}: {samples[^1].Ms:0} ms, {samples[^1].Total / 1024.0:0.0} KiB in {samples[^1].Requests} requests " +
                          $"({samples[^1].Script / 1024.0:0.0} KiB JavaScript)");
    }
    var median = samples.OrderBy(s => s.Ms).ElementAt(samples.Count / 2);
    var script = samples.Max(s => s.Script) / 1024.0;
    Console.WriteLine($"FIGURE|{name}: usable after a cold load (median of {runs})|{Ms(median.Ms)}||≤ 1,500 ms|{(name == "my courses" ? Yes(median.Ms <= 1500) : "")}");
    Console.WriteLine($"FIGURE|{name}: bytes on the wire until usable|{Kib(median.Total)} in {median.Requests} requests|||");
    Console.WriteLine($"FIGURE|{name}: JavaScript on the wire (compressed)|{script.ToString("0.0", CultureInfo.InvariantCulture)} KiB||≤ 200 KiB|{Yes(script <= 200)}");
}
return 0;

async Task<(double Ms, long Total, long Script, int Requests)> LoadAsync(string path, string ready)
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = gateway.ToString(), Locale = "ko-KR", TimezoneId = "Asia/Seoul", ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        StorageState = signedIn,
    });
    var page = await context.NewPageAsync();
    var cdp = await ThrottledProfile.ApplyAsync(page);
    var wire = new WireBytes(cdp);
    await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
    var usable = await page.WaitForFunctionAsync($"() => ({ready}) ? performance.now() : false", null,
        new PageWaitForFunctionOptions { PollingInterval = 16, Timeout = 60_000 });
    var ms = await usable.JsonValueAsync<double>();
    var (total, script, requests) = wire.Snapshot();
    return (ms, total, script, requests);
}

async Task<string> SignedInStateAsync()
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = gateway.ToString() });
    var signIn = await context.APIRequest.PostAsync("identity/v1/signin", new APIRequestContextOptions
    {
        DataObject = new { login = Login, password = Password },
        Headers = new Dictionary<string, string> { ["Origin"] = gateway.ToString().TrimEnd('/') },
    });
    if (!signIn.Ok)
    {
        throw new InvalidOperationException($"The demo employee could not sign in ({signIn.Status}); run ./lms up (it seeds the demo data).");
    }
    return await context.StorageStateAsync();
}

async Task<Guid> FirstEnrollmentAsync()
{
    using var client = new HttpClient { BaseAddress = gateway };
    var tokens = await (await client.PostAsJsonAsync("identity/v1/signin", new { login = Login, password = Password })).EnsureSuccessStatusCode()
        .Content.ReadFromJsonAsync<JsonElement>();
    using var request = new HttpRequestMessage(HttpMethod.Get, "student/v1/enrollments");
    request.Headers.Authorization = new("Bearer", tokens.GetProperty("accessToken").GetString());
    var list = await (await client.SendAsync(request)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
    return list.GetProperty("items")[0].GetProperty("id").GetGuid();
}

static string Ms(double value) => value.ToString("#,0", CultureInfo.InvariantCulture) + " ms";
static string Kib(long bytes) => (bytes / 1024.0).ToString("#,0.0", CultureInfo.InvariantCulture) + " KiB";
static string Yes(bool met) => met ? "yes" : "no";
