using System.Text;
using System.Text.RegularExpressions;
using Lms.EndToEnd.Tests;
using Microsoft.Playwright;

namespace Lms.Web.Tests.Dashboards;

/// <summary>
/// A class with activity for the dashboards to count, made once for a test class: a new institution and company, a
/// provision running from today (Korea time) with two employees, one of whom completes the course and rates it.
/// </summary>
public sealed class ActiveClass : IAsyncLifetime
{
    public const string Comment = "실무에 바로 쓸 수 있어 유익했습니다";

    // The people keep the client they were made with, so it lives as long as the fixture.
    private readonly HttpClient _api = RunningPlatform.NewClient();

    public Classroom Classroom { get; private set; } = null!;

    /// <summary>This month in Korea, when the enrollments began.</summary>
    public static DateTime KoreaNow => DateTime.UtcNow.AddHours(9);

    public async Task InitializeAsync()
    {
        Classroom = await Lms.EndToEnd.Tests.Classroom.RegisterAsync(_api, employees: 2, beginInDays: 0);
        var finisher = Classroom.Employees[0];
        var enrollmentId = (await Eventually.GetAsync(() => finisher.SucceedAsync(HttpMethod.Get, "/student/v1/enrollments"),
            list => list.GetProperty("items").GetArrayLength() == 1, TimeSpan.FromSeconds(30), "the enrollment appears"))
            .GetProperty("items")[0].GetProperty("id").GetGuid();
        var enrollment = $"/student/v1/enrollments/{enrollmentId}";
        var item = (await Eventually.GetAsync(() => finisher.SucceedAsync(HttpMethod.Get, enrollment),
                e => e.GetProperty("chapters").GetArrayLength() == 1, TimeSpan.FromSeconds(30), "the course shows its outline"))
            .GetProperty("chapters")[0].GetProperty("items")[0].GetProperty("id").GetGuid();
        await finisher.SucceedAsync(HttpMethod.Post, $"{enrollment}/items/{item}/open");
        await Eventually.GetAsync(() => finisher.SucceedAsync(HttpMethod.Get, enrollment),
            e => e.GetProperty("state").GetString() == "COMPLETED", TimeSpan.FromSeconds(30), "the course completes");
        await finisher.SucceedAsync(HttpMethod.Post, $"{enrollment}/rating", new { stars = 5, comment = Comment });
        foreach (var other in Classroom.Employees.Skip(1))
        {
            await Eventually.GetAsync(() => other.SucceedAsync(HttpMethod.Get, "/student/v1/enrollments"),
                list => list.GetProperty("items").GetArrayLength() == 1, TimeSpan.FromSeconds(30), "the enrollment appears");
        }

        // The dashboards are projections fed by events: wait until both sides have counted everything.
        await Eventually.TrueAsync(async () =>
        {
            var summary = await Classroom.Manager.SucceedAsync(HttpMethod.Get, "/institution/v1/dashboard/summary");
            return summary.GetProperty("enrollments").GetInt32() == 2 && summary.GetProperty("completed").GetInt32() == 1
                && summary.GetProperty("ratings").GetInt32() == 1;
        }, TimeSpan.FromSeconds(45), "the institution's dashboard counts two learners, one completion and one rating");
        await Eventually.TrueAsync(async () =>
        {
            var company = await Classroom.Supervisor.SucceedAsync(HttpMethod.Get, "/company/v1/dashboard");
            return company.GetProperty("learners").GetInt32() == 2 && company.GetProperty("completed").GetInt32() == 1;
        }, TimeSpan.FromSeconds(45), "the company's dashboard counts two learners and one completion");
    }

    public Task DisposeAsync()
    {
        _api.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>What every dashboard test checks the same way.</summary>
public static class DashboardChecks
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Clicks a CSV button and reads the file the browser saved: its name, and its text after the BOM it must start with.</summary>
    public static async Task<(string Name, string Text)> DownloadCsvAsync(IPage page, string button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.True(bytes.Length > 3 && bytes.AsSpan(0, 3).SequenceEqual(Bom), $"{download.SuggestedFilename} starts with the UTF-8 BOM");
        return (download.SuggestedFilename, Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    /// <summary>
    /// Signs in through the app's page, allowing for a slow sign-in (password hashing on a busy machine takes longer than
    /// the five seconds an assertion waits by default) and for the gateway's per-address sign-in limit, which every test
    /// on this machine shares: when the page says to wait, it waits as long as the page says and tries again.
    /// </summary>
    public static async Task SignInAsync(IPage page, string login)
    {
        await page.GotoAsync("signin");
        await page.GetByLabel("이메일 또는 아이디").FillAsync(login);
        await page.GetByLabel("비밀번호").FillAsync(Lms.EndToEnd.Tests.Person.DefaultPassword);
        var limited = page.GetByRole(AriaRole.Alert).Filter(new() { HasTextRegex = new Regex("요청이 너무 많습니다") });
        for (var attempt = 0; ; attempt++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "로그인", Exact = true }).ClickAsync();
            var signedIn = page.WaitForURLAsync(url => !url.Contains("/app/signin", StringComparison.Ordinal), new() { Timeout = 30_000 });
            var refused = limited.WaitForAsync(new() { Timeout = 30_000 });
            if (await Task.WhenAny(signedIn, refused) == signedIn || attempt == 2)
            {
                await signedIn;
                return;
            }
            var seconds = Regex.Match(await limited.InnerTextAsync(), "([0-9]+)초") is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 60;
            await Task.Delay(TimeSpan.FromSeconds(seconds + 1));
        }
    }

    /// <summary>The row headed <paramref name="rowHeader"/> once the table captioned <paramref name="caption"/> shows it, then its cells.</summary>
    public static async Task<IReadOnlyList<string>> RowWhenShownAsync(IPage page, string caption, string rowHeader)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = caption })
            .GetByRole(AriaRole.Rowheader, new() { Name = rowHeader, Exact = true })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        return await RowAsync(page, caption, rowHeader);
    }

    /// <summary>An entry of a chart's legend naming exactly <paramref name="text"/>.</summary>
    public static ILocator Legend(IPage page, string text) =>
        page.Locator("[data-chart] .mantine-ChartLegend-legendItemName").Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(text)}$") });

    /// <summary>A tick of a chart's axis showing exactly <paramref name="text"/>.</summary>
    public static ILocator AxisTick(IPage page, string text) =>
        page.Locator("[data-chart] .recharts-cartesian-axis-tick-value").Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(text)}$") });

    /// <summary>The cells of the row headed by <paramref name="rowHeader"/> in the table captioned <paramref name="caption"/>.</summary>
    public static Task<IReadOnlyList<string>> RowAsync(IPage page, string caption, string rowHeader) =>
        page.GetByRole(AriaRole.Table, new() { Name = caption }).GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = rowHeader, Exact = true }) })
            .GetByRole(AriaRole.Cell).AllInnerTextsAsync();
}
