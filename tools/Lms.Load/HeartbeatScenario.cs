using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Upload;

namespace Lms.Load;

/// <summary>
/// N learners of one class (2,000 by default) each watching the course's video and sending the player's heartbeat
/// every 10 s through the gateway, as the web player does; their first beats spread over the first 10 s. The class is
/// made the way people make one: an institution publishes a course with a real video (ffmpeg, uploaded by the
/// uploader), a company's employees sign up with the company's email domain and join, the supervisor requests the
/// course for all of them, the institution accepts and approves the roster.
/// </summary>
public static class HeartbeatScenario
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(Options options, HttpClient client, Figures figures)
    {
        // Making 2,000 accounts is most of this scenario's time, so the class is kept (.local/bench) and used again while
        // its refresh tokens are good (14 days): a player refreshes its token before it reports anyway.
        var saved = Path.Combine(options.RepoRoot, ".local", "bench", $"heartbeat-class-{options.Learners}.json");
        var learners = await ReuseClassAsync(saved, options, client) ?? await MakeClassAsync(options, client);
        await ForEachAsync(learners, 16, l => l.Account.RefreshAsync(), "tokens refreshed");
        // Refresh tokens are single-use: what is kept is the newest of each.
        Directory.CreateDirectory(Path.GetDirectoryName(saved)!);
        await File.WriteAllTextAsync(saved, JsonSerializer.Serialize(learners.Select(l => new SavedLearner(l.Account.Email, l.Account.RefreshToken, l.HeartbeatPath))));
        Console.WriteLine($"  {learners.Count} learners heartbeating every {Interval.TotalSeconds:0} s for {options.HeartbeatSeconds} s through the gateway");
        var latencies = new List<double>[learners.Count];
        var failures = new Dictionary<string, int>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(learners.Select((learner, index) => Task.Run(async () =>
        {
            latencies[index] = [];
            var first = TimeSpan.FromSeconds(Interval.TotalSeconds * index / learners.Count);
            for (var beat = 0; first + beat * Interval < TimeSpan.FromSeconds(options.HeartbeatSeconds); beat++)
            {
                var due = first + beat * Interval;
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
                var started = Stopwatch.GetTimestamp();
                string? failure;
                try
                {
                    using var response = await client.SendAsync(learner.Account.Request(HttpMethod.Post, learner.HeartbeatPath,
                        new { positionSeconds = beat * Interval.TotalSeconds, playing = true }));
                    failure = response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                }
                catch (HttpRequestException e)
                {
                    failure = e.HttpRequestError.ToString();
                }
                catch (TaskCanceledException)
                {
                    failure = "timeout";
                }
                latencies[index].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (failure is not null)
                {
                    lock (failures)
                    {
                        failures[failure] = failures.GetValueOrDefault(failure) + 1;
                    }
                }
            }
        })));

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var errors = failures.Values.Sum();
        figures.Add(new Figure("heartbeats", $"{learners.Count} learners every 10 s: heartbeats answered", $"{all.Length:#,0} at {Figures.Rate(all.Length / clock.Elapsed.TotalSeconds)}",
            $"{learners.Count * options.HeartbeatSeconds / Interval.TotalSeconds:#,0} due"));
        figures.Add(new Figure("heartbeats", "heartbeat p50 / p95 / p99", $"{Figures.Ms(Percentiles.Of(all, 0.5))} / {Figures.Ms(Percentiles.Of(all, 0.95))} / {Figures.Ms(Percentiles.Of(all, 0.99))}"));
        figures.Add(new Figure("heartbeats", "heartbeats refused or failed", errors == 0 ? "0" : $"{errors} ({string.Join(", ", failures.Select(f => $"{f.Value} × {f.Key}"))})",
            "", "0", errors == 0));
    }

    private sealed record Learner(Account Account, string HeartbeatPath);

    private sealed record SavedLearner(string Email, string RefreshToken, string HeartbeatPath);

    private static async Task<List<Learner>?> ReuseClassAsync(string saved, Options options, HttpClient client)
    {
        if (!File.Exists(saved))
        {
            return null;
        }
        var learners = (JsonSerializer.Deserialize<List<SavedLearner>>(await File.ReadAllTextAsync(saved)) ?? [])
            .Select(l => new Learner(Account.FromRefreshToken(client, options.Gateway, options.Identity, l.Email, l.RefreshToken), l.HeartbeatPath))
            .ToList();
        try
        {
            await learners[0].Account.RefreshAsync();
            Console.WriteLine($"  the class of {learners.Count} learners saved in {saved} is used again");
            return learners;
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"  the saved class cannot be used ({e.Message}); making a new one");
            return null;
        }
    }

    private static async Task<List<Learner>> MakeClassAsync(Options options, HttpClient client)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var domain = $"bench{tag}.example";
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"  set-up: an institution, a course with a 10-minute video, a company and {options.Learners} employees (not timed)");
        var manager = await Platform.JoinAsync(client, options, $"manager.{tag}@example.com", "벤치 담당자");
        var supervisor = await Platform.JoinAsync(client, options, $"boss@{domain}", "벤치 인사");
        await manager.SucceedAsync(HttpMethod.Post, "/institution/v1/institutions", new
        {
            name = $"부하시험교육원 {tag}", ownerName = "대표", businessNumber = $"7{Random.Shared.NextInt64(100_000_000, 999_999_999)}",
            certifiedNumber = $"BENCH-{tag}", email = $"contact@{tag}.example", phone = "02-000-0000",
        });
        await manager.BecomeAsync("InstitutionManager");
        var courseId = (await manager.SucceedAsync(HttpMethod.Post, "/institution/v1/courses",
            new { title = $"부하시험 과정 {tag}", category = "WORKPLACE_BASICS", instructorName = "강사", periodDays = 30 })).GetProperty("id").GetGuid();
        var fileId = await UploadVideoAsync(options, manager, courseId);
        await manager.SucceedAsync(HttpMethod.Put, $"/institution/v1/courses/{courseId}/structure", new
        {
            chapters = new[] { new { title = "강의", items = new[] { new { title = "1강", kind = "VIDEO", fileId = (Guid?)fileId, required = true } } } },
        });
        await manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/courses/{courseId}/publish");

        var companyId = (await supervisor.SucceedAsync(HttpMethod.Post, "/company/v1/companies", new
        {
            name = $"부하시험회사 {tag}", ownerName = "사장", businessNumber = $"6{Random.Shared.NextInt64(100_000_000, 999_999_999)}",
            emailDomain = domain, phone = "02-111-1111",
        })).GetProperty("id").GetGuid();
        await supervisor.BecomeAsync("CompanySupervisor");

        var employees = new Account[options.Learners];
        await ForEachAsync(Enumerable.Range(0, options.Learners).ToList(), 16, async i =>
        {
            var employee = await Platform.JoinAsync(client, options, $"learner{i}@{domain}", $"학습자{i}");
            await employee.SucceedAsync(HttpMethod.Post, $"/company/v1/companies/{companyId}/join", new { });
            await employee.BecomeAsync("Employee");
            employees[i] = employee;
        }, "employees signed up, confirmed and joined");

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var provisionId = (await supervisor.SucceedAsync(HttpMethod.Post, "/company/v1/course-provides",
            new { courseId, beginDate = today, endDate = today.AddDays(30), seats = options.Learners })).GetProperty("id").GetGuid();
        await manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/course-provides/{provisionId}/accept");
        await supervisor.SucceedAsync(HttpMethod.Put, $"/company/v1/course-provides/{provisionId}/roster", new { userIds = employees.Select(e => e.UserId).ToArray() });
        await manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/course-provides/{provisionId}/approve-roster");

        var learners = new Learner[options.Learners];
        await ForEachAsync(Enumerable.Range(0, options.Learners).ToList(), 16, async i =>
        {
            // The enrollment becomes ACTIVE once the student service has the roster and the period has begun.
            var enrollment = await FindAsync(employees[i], "/student/v1/enrollments", e =>
                e.GetProperty("courseProvideId").GetGuid() == provisionId && e.GetProperty("state").GetString() == "ACTIVE");
            var detail = await employees[i].SucceedAsync(HttpMethod.Get, $"/student/v1/enrollments/{enrollment.GetProperty("id").GetGuid()}");
            var item = detail.GetProperty("chapters")[0].GetProperty("items")[0].GetProperty("id").GetGuid();
            learners[i] = new Learner(employees[i], $"/student/v1/enrollments/{enrollment.GetProperty("id").GetGuid()}/items/{item}/heartbeat");
        }, "enrollments active");
        Console.WriteLine($"  set-up took {clock.Elapsed.TotalSeconds:0} s");
        return [.. learners];
    }

    private static async Task<Guid> UploadVideoAsync(Options options, Account manager, Guid courseId)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lms-bench-{Guid.NewGuid():N}.mp4");
        using (var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
                   ["-v", "error", "-f", "lavfi", "-i", "testsrc=duration=600:size=160x120:rate=5", "-c:v", "mpeg4", "-q:v", "10", "-y", path]))!)
        {
            await ffmpeg.WaitForExitAsync();
            if (ffmpeg.ExitCode != 0)
            {
                throw new InvalidOperationException($"ffmpeg exited {ffmpeg.ExitCode} making the test video.");
            }
        }
        try
        {
            using var api = Uploader.Api(options.Gateway, manager.AccessToken);
            using var storage = new HttpClient();
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return (await new Uploader(api, storage).UploadAsync(path, courseId, "video/mp4")).FileId;
                }
                catch (HttpRequestException) when (attempt < 60)
                {
                    // The content service learns of the new course by an event.
                    await Task.Delay(500);
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<JsonElement> FindAsync(Account account, string path, Func<JsonElement, bool> match)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            var page = await account.SucceedAsync(HttpMethod.Get, path);
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                if (match(item))
                {
                    return item;
                }
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException($"{account.Email}: nothing matching in {path} after 2 minutes.");
    }

    private static async Task ForEachAsync<T>(IReadOnlyList<T> items, int parallel, Func<T, Task> action, string what)
    {
        var done = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (item, _) =>
        {
            await action(item);
            var count = Interlocked.Increment(ref done);
            if (count % 100 == 0 || count == items.Count)
            {
                Console.WriteLine($"    {count} of {items.Count} {what} ({clock.Elapsed.TotalSeconds:0} s)");
            }
        });
    }
}
