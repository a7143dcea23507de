using System.Globalization;
using Lms.ClassroomBench;
using Microsoft.Playwright;

// dotnet Lms.ClassroomBench.dll [--seconds N]   (LMS_GATEWAY, LMS_CHROMIUM; the demo manager and employee of scripts/seed.sh)
// Two sessions of the demo course: one published by an RTMP encoder (ffmpeg fed frames made here), one broadcast from
// the lecturer's page in chromium (the studio, its camera replaced by a canvas that draws the clock). In both, every
// frame carries the time it was made (FrameStamp); the learner's page in chromium reads each frame it shows and
// subtracts. On the first session the lecturer's host page also sends chat messages and pushes quizzes, timed from the
// key press or click on the lecturer's page to the next paint after the text appears on the learner's page. All
// pages run in one chromium (separate contexts: separate cookies, storage and connections), so both ends read one clock.
var gateway = new Uri((Environment.GetEnvironmentVariable("LMS_GATEWAY") ?? "http://127.0.0.1:8080").TrimEnd('/') + "/");
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).FirstOrDefault(20);
const int ChatMessages = 10;
const int Quizzes = 5;

using var platform = new DemoPlatform(gateway);
await platform.SignInAsync();
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("LMS_CHROMIUM") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required"],
});
var learnerState = await SignedInStateAsync(DemoPlatform.Employee);
var managerState = await SignedInStateAsync(DemoPlatform.Manager);
Console.WriteLine($"Lms.ClassroomBench through {gateway}: {seconds} s of frames per path, {ChatMessages} chat messages, {Quizzes} quizzes");

// 1. An encoder publishing over RTMP, as OBS does; chat and quizzes in the same class.
var encoderSession = await platform.ScheduleAsync("벤치: 인코더 송출");
List<double> encoderGlass, chat, quiz;
await using (var encoder = StampedEncoder.Publish(await platform.PublishUrlAsync(encoderSession)))
{
    var learner = await OpenAsync(learnerState, $"app/classroom/{encoderSession}", Probes.ReadStamps, Probes.Markers);
    encoderGlass = await GlassAsync(learner, "RTMP encoder");
    var host = await OpenAsync(managerState, $"app/inst/live/{encoderSession}/host", Probes.Markers);
    await host.GetByLabel("메시지 입력").WaitForAsync();
    chat = await ChatAsync(host, learner);
    quiz = await QuizAsync(host, learner);
    await platform.EndAsync(encoderSession);
    await learner.Context.CloseAsync();
    await host.Context.CloseAsync();
}

// 2. The browser studio: MediaRecorder → the live service's relay → ffmpeg → the same ingest.
var studioSession = await platform.ScheduleAsync("벤치: 브라우저 송출");
var studio = await OpenAsync(managerState, $"app/inst/live/{studioSession}/broadcast", Probes.StampedCamera);
await studio.GetByRole(AriaRole.Button, new() { Name = "카메라와 마이크 허용" }).ClickAsync();
await studio.GetByRole(AriaRole.Button, new() { Name = "방송 시작" }).ClickAsync(new() { Timeout = 30_000 });
for (var wait = 0; await platform.StateAsync(studioSession) != "LIVE"; wait++)
{
    if (wait == 60) throw new InvalidOperationException("The browser broadcast never turned the session LIVE.");
    await Task.Delay(500);
}
var watcher = await OpenAsync(learnerState, $"app/classroom/{studioSession}", Probes.ReadStamps);
var studioGlass = await GlassAsync(watcher, "browser studio");
await platform.EndAsync(studioSession);

Report("glass to glass, RTMP encoder (x264 veryfast zerolatency, 1 s keyframes)", encoderGlass, 4000, "frames");
Report("glass to glass, browser studio (MediaRecorder → relay → ffmpeg)", studioGlass, 4000, "frames");
Report("quiz pushed by the lecturer → shown on the learner's overlay", quiz, 300, "quizzes");
Report("chat sent by the lecturer → shown in the learner's browser", chat, 300, "messages");
return 0;

async Task<IPage> OpenAsync(string state, string path, params string[] scripts)
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = gateway.ToString(), Locale = "ko-KR", TimezoneId = "Asia/Seoul", StorageState = state,
        ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
    });
    foreach (var script in scripts)
    {
        await context.AddInitScriptAsync(script);
    }
    var page = await context.NewPageAsync();
    await page.GotoAsync(path);
    return page;
}

// Frames read on the learner's page for `seconds`, after 5 seconds of playing (hls.js settles on its live edge).
async Task<List<double>> GlassAsync(IPage learner, string what)
{
    await learner.WaitForFunctionAsync("() => window.__glass.length > 0", null, new() { Timeout = 90_000, PollingInterval = 250 });
    await Task.Delay(TimeSpan.FromSeconds(5));
    await learner.EvaluateAsync("() => { window.__glass = []; window.__ahead = []; }");
    await Task.Delay(TimeSpan.FromSeconds(seconds));
    var samples = await learner.EvaluateAsync<double[]>("() => window.__glass");
    var ahead = (await learner.EvaluateAsync<double[]>("() => window.__ahead")).Order().ToArray();
    // Frames shown per second tell a starved pipeline (the browser's encoder, the relay) from a slow network path;
    // the buffer ahead of the playhead tells how much of the delay is the player's own safety margin.
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {what}: {samples.Length / (double)seconds:0.0} frames shown per second; the player's buffer ahead of the playhead: median {(ahead.Length > 0 ? ahead[ahead.Length / 2] : 0):#,0} ms; load average {LoadAverage()}"));
    return [.. samples];
}

async Task<List<double>> ChatAsync(IPage host, IPage learner)
{
    var box = host.GetByLabel("메시지 입력");
    for (var i = 0; i < ChatMessages; i++)
    {
        await box.FillAsync($"벤치 채팅 ⟦c{i}⟧");
        await box.PressAsync("Enter");
        // The classroom takes 5 messages in 10 seconds from one person.
        await Task.Delay(2200);
    }
    return await LatenciesAsync(host, learner, Enumerable.Range(0, ChatMessages).Select(i => $"c{i}"));
}

async Task<List<double>> QuizAsync(IPage host, IPage learner)
{
    for (var i = 0; i < Quizzes; i++)
    {
        var question = $"벤치 퀴즈 ⟦q{i}⟧ 정답은?";
        await host.GetByRole(AriaRole.Textbox, new() { Name = "질문", Exact = true }).FillAsync(question);
        await host.GetByRole(AriaRole.Textbox, new() { Name = "1번 보기", Exact = true }).FillAsync("가");
        await host.GetByRole(AriaRole.Textbox, new() { Name = "2번 보기", Exact = true }).FillAsync("나");
        await host.GetByRole(AriaRole.Radiogroup, new() { Name = "정답" }).GetByLabel("1번").CheckAsync();
        await host.GetByRole(AriaRole.Textbox, new() { Name = "제한 시간 (초)", Exact = true }).FillAsync("60");
        await host.GetByRole(AriaRole.Button, new() { Name = "퀴즈 준비" }).ClickAsync();
        await host.GetByRole(AriaRole.Button, new() { Name = $"퀴즈 보내기: {question}" }).ClickAsync();
        await learner.GetByTestId("quiz").GetByText(question).WaitForAsync(new() { Timeout = 10_000 });
        await host.GetByRole(AriaRole.Button, new() { Name = $"퀴즈 마감: {question}" }).ClickAsync();
        await learner.GetByTestId("quiz").GetByText("정답: 1번", new() { Exact = false }).WaitForAsync(new() { Timeout = 10_000 });
    }
    return await LatenciesAsync(host, learner, Enumerable.Range(0, Quizzes).Select(i => $"q{i}"));
}

async Task<List<double>> LatenciesAsync(IPage sender, IPage receiver, IEnumerable<string> markers)
{
    await Task.Delay(1000);
    var sent = await sender.EvaluateAsync<Dictionary<string, double?>>("() => window.__sent");
    var shown = await receiver.EvaluateAsync<Dictionary<string, double?>>("() => window.__shown");
    var latencies = new List<double>();
    foreach (var marker in markers)
    {
        if (sent.GetValueOrDefault(marker) is { } at && shown.GetValueOrDefault(marker) is { } seen)
        {
            latencies.Add(seen - at);
        }
        else
        {
            Console.WriteLine($"  {marker}: sent {(sent.ContainsKey(marker) ? "yes" : "no")}, shown {(shown.ContainsKey(marker) ? "yes" : "no")}");
        }
    }
    return latencies;
}

async Task<string> SignedInStateAsync(string login)
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = gateway.ToString() });
    var signIn = await context.APIRequest.PostAsync("identity/v1/signin", new APIRequestContextOptions
    {
        DataObject = new { login, password = DemoPlatform.Password },
        Headers = new Dictionary<string, string> { ["Origin"] = gateway.ToString().TrimEnd('/') },
    });
    if (!signIn.Ok)
    {
        throw new InvalidOperationException($"{login} could not sign in ({signIn.Status}); run ./lms up (it seeds the demo data).");
    }
    return await context.StorageStateAsync();
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static void Report(string name, List<double> samples, double aim, string unit)
{
    if (samples.Count == 0)
    {
        Console.WriteLine($"FIGURE|{name}|no samples||≤ {aim:#,0} ms|no");
        return;
    }
    samples.Sort();
    var median = samples[samples.Count / 2];
    var p95 = samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(samples.Count * 0.95) - 1)];
    var text = string.Create(CultureInfo.InvariantCulture,
        $"median {median:#,0} ms, p95 {p95:#,0} ms, min {samples[0]:#,0} ms ({samples.Count} {unit})");
    Console.WriteLine($"FIGURE|{name}|{text}||≤ {aim.ToString("#,0", CultureInfo.InvariantCulture)} ms|{(median <= aim ? "yes" : "no")}");
}
