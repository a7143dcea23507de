using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MySqlConnector;
using Xunit.Abstractions;

namespace Lms.EndToEnd.Tests;

/// <summary>
/// A steady mixed write load through the gateway (provision requests, board questions, sign-ups) while RabbitMQ is
/// killed with SIGKILL and booted again, MariaDB is restarted, and already-delivered events are sent a second time.
/// Afterwards every accepted command has exactly one effect, in its own service and in every service it reaches by
/// events, and no refused command has any. The time back to full throughput is written to the test output.
/// <c>LMS_FAULT_ROUNDS=N</c> repeats the broker and database faults N times under the same load (the long variant).
/// </summary>
[Collection(Outages.Name)]
public sealed class Writing_through_faults(ITestOutputHelper output)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Every_accepted_command_has_exactly_one_effect_after_a_killed_broker_a_restarted_database_and_duplicate_deliveries()
    {
        using var client = RunningPlatform.NewClient();
        var classroom = await Classroom.RegisterAsync(client, employees: 2);
        var board = $"/board/v1/course-provides/{classroom.ProvisionId}/posts";
        foreach (var learner in classroom.Employees)
        {
            // The board learns of the class and its learners from events.
            await learner.SucceedAsync(HttpMethod.Get, board);
        }
        var companyId = await CompanyOfAsync(classroom.ProvisionId);
        var provisionsBefore = await CountAsync("company", "SELECT COUNT(*) FROM course_provisions WHERE company_id = @k", companyId);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var deadBefore = await PlatformControl.DeadLetteredMessagesAsync();
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("LMS_FAULT_ROUNDS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;

        var load = new WriteLoad();
        var begin = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(5);
        load.Start("provision request", TimeSpan.FromMilliseconds(150), async () =>
        {
            using var response = await classroom.Supervisor.SendAsync(HttpMethod.Post, "/company/v1/course-provides",
                new { courseId = classroom.CourseId, beginDate = begin, endDate = begin.AddDays(20), seats = 5 });
            return await Outcome.OfAsync(response, "id");
        });
        foreach (var (learner, index) in classroom.Employees.Select((e, i) => (e, i)))
        {
            load.Start("board question", TimeSpan.FromMilliseconds(200), async () =>
            {
                using var response = await learner.SendAsync(HttpMethod.Post, board,
                    new { type = "QUESTION", title = $"장애 중 질문 {tag} {index}", body = "들리나요?" });
                return await Outcome.OfAsync(response, "id");
            });
        }
        var name = $"장애시험 {tag}";
        var signUps = 0;
        load.Start("sign-up", TimeSpan.FromMilliseconds(1500), async () =>
        {
            // Under the gateway's per-address limit on the sign-in family of routes (50 a minute locally).
            var email = $"fault.{tag}.{Interlocked.Increment(ref signUps)}@example.com";
            using var signUpClient = RunningPlatform.NewClient();
            using var response = await signUpClient.PostAsJsonAsync("/identity/v1/signup",
                new { email, username = $"f{tag}{signUps}", password = "correct horse battery 9", name });
            return await Outcome.OfAsync(response, "userId");
        });

        var faults = new List<(string Fault, DateTimeOffset Start, DateTimeOffset Over)>();
        await Task.Delay(Settle);
        for (var round = 0; round < rounds; round++)
        {
            var start = DateTimeOffset.UtcNow;
            await PlatformControl.BrokerAsync("kill");
            await Task.Delay(Settle);
            await PlatformControl.BrokerAsync("revive");
            faults.Add(($"broker killed with SIGKILL, booted again (round {round + 1})", start, DateTimeOffset.UtcNow));
            await Task.Delay(Settle);
            start = DateTimeOffset.UtcNow;
            await PlatformControl.DatabaseAsync("restart");
            faults.Add(($"database restarted (round {round + 1})", start, DateTimeOffset.UtcNow));
            await Task.Delay(Settle + Settle);
        }
        var results = await load.StopAsync();

        var accepted = results.Where(r => r.Accepted).GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Select(r => r.Id!.Value).ToHashSet());
        var provisions = accepted.GetValueOrDefault("provision request") ?? [];
        var questions = accepted.GetValueOrDefault("board question") ?? [];
        var users = accepted.GetValueOrDefault("sign-up") ?? [];
        Report(results, faults);
        Assert.True(provisions.Count > 10 && questions.Count > 10 && users.Count > 3, "the load got going");
        // Refusals are 503 (the database away) or 429 (the gateway's sign-up limit), and every command got an answer.
        Assert.All(results.Where(r => !r.Accepted), r => Assert.True(r.Status is 503 or 429, $"{r.Kind} answered {r.Status}"));

        // The events of everything accepted are delivered once more, as a relay that crashed before marking them would.
        await ResendAsync("company", "CourseProvisionChanged", provisions);
        await ResendAsync("identity", "UserRegistered", users);

        await Eventually.TrueAsync(async () => (await IdsAsync("institution", "SELECT id FROM course_provisions WHERE company_id = @k", companyId))
            .IsSupersetOf(provisions), TimeSpan.FromSeconds(180), "every accepted provision request reached the institution service");
        foreach (var service in RunningPlatform.ServicesWithUsers)
        {
            await Eventually.TrueAsync(async () => (await IdsAsync(service, $"SELECT id FROM users WHERE name = '{name}'", null)).IsSupersetOf(users),
                TimeSpan.FromSeconds(180), $"{service} knows every accepted sign-up");
        }
        await WaitForRelaysAsync();

        var companyRows = await IdsAsync("company", "SELECT id FROM course_provisions WHERE company_id = @k", companyId);
        companyRows.Remove(classroom.ProvisionId);
        Assert.Equal(provisionsBefore - 1 + provisions.Count, companyRows.Count);
        Assert.True(companyRows.SetEquals(provisions), "the company service holds exactly the accepted requests");
        var institutionRows = await IdsAsync("institution", "SELECT id FROM course_provisions WHERE company_id = @k", companyId);
        institutionRows.Remove(classroom.ProvisionId);
        Assert.True(institutionRows.SetEquals(provisions), "the institution service holds exactly the accepted requests");
        Assert.Equal(provisions.Count, await CountAsync("institution", "SELECT COUNT(*) FROM course_provisions WHERE company_id = @k AND state = 'REQUESTED'", companyId));
        var posts = await IdsAsync("board", $"SELECT id FROM posts WHERE title LIKE '장애 중 질문 {tag}%'", null);
        Assert.True(posts.SetEquals(questions), $"the board holds exactly the accepted questions ({posts.Count} rows, {questions.Count} accepted)");
        var identityRows = await IdsAsync("identity", $"SELECT id FROM users WHERE email LIKE 'fault.{tag}.%'", null);
        Assert.True(identityRows.SetEquals(users), $"identity holds exactly the accepted sign-ups ({identityRows.Count} rows, {users.Count} accepted)");
        foreach (var service in RunningPlatform.ServicesWithUsers)
        {
            Assert.True((await IdsAsync(service, $"SELECT id FROM users WHERE name = '{name}'", null)).SetEquals(users), $"{service} knows exactly the accepted sign-ups");
        }
        foreach (var service in new[] { "identity", "company", "board" })
        {
            Assert.Equal(0, await CountAsync(service, "SELECT COUNT(*) FROM outbox_dead_letters", null));
        }
        // No consumer gave up on a delivery: the spaced retries outlast a database restart and a broker's death.
        Assert.Equal(0, await PlatformControl.DeadLetteredMessagesAsync() - deadBefore);

        await Eventually.TrueAsync(async () =>
        {
            using var response = await client.GetAsync("/health");
            return response.StatusCode == HttpStatusCode.OK
                && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() == "Healthy";
        }, TimeSpan.FromSeconds(120), "every service is healthy again");
    }

    /// <summary>Per kind: accepted and refused answers; per second: commands accepted; per fault: the time back to throughput.</summary>
    private void Report(IReadOnlyList<Attempt> results, IReadOnlyList<(string Fault, DateTimeOffset Start, DateTimeOffset Over)> faults)
    {
        var text = new StringBuilder();
        foreach (var kind in results.GroupBy(r => r.Kind))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{kind.Key}: {kind.Count(r => r.Accepted)} accepted, refused {string.Join(", ",
                kind.Where(r => !r.Accepted).GroupBy(r => r.Status).Select(g => $"{g.Count()} × {(g.Key == 0 ? "no answer" : g.Key)}"))}");
        }
        var start = results.Min(r => r.At);
        var perSecond = results.Where(r => r.Accepted && r.Kind != "sign-up").GroupBy(r => (int)(r.At - start).TotalSeconds)
            .ToDictionary(g => g.Key, g => g.Count());
        var seconds = (int)(results.Max(r => r.At) - start).TotalSeconds;
        var baseline = Enumerable.Range(1, (int)Settle.TotalSeconds - 2).Average(s => perSecond.GetValueOrDefault(s));
        text.AppendLine(CultureInfo.InvariantCulture, $"accepted writes per second (baseline {baseline:0.0}/s): {string.Join(' ', Enumerable.Range(0, seconds).Select(s => perSecond.GetValueOrDefault(s)))}");
        foreach (var (fault, began, over) in faults)
        {
            var (from, to) = ((int)(began - start).TotalSeconds, (int)(over - start).TotalSeconds);
            var back = Enumerable.Range(to, Math.Max(0, seconds - to - 1))
                .FirstOrDefault(s => (perSecond.GetValueOrDefault(s) + perSecond.GetValueOrDefault(s + 1)) / 2.0 >= 0.8 * baseline, -1);
            var during = Enumerable.Range(from, to - from + 1).Select(s => perSecond.GetValueOrDefault(s)).ToList();
            var recovery = back < 0 ? "not back to 80 % of the baseline before the load stopped" : $"back to ≥ 80 % of the baseline {back - to} s after that";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{fault}: {to - from + 1} s from the fault to the part answering again, lowest {during.Min()}/s meanwhile; {recovery}");
        }
        output.WriteLine(text.ToString());
    }

    private static async Task ResendAsync(string service, string eventName, IReadOnlySet<Guid> ids)
    {
        await using var connection = await OpenAsync(service);
        foreach (var id in ids)
        {
            await using var command = new MySqlCommand(
                "UPDATE outbox_messages SET sent_at = NULL WHERE message_type LIKE @type AND payload LIKE @id AND sent_at IS NOT NULL", connection);
            command.Parameters.AddWithValue("@type", $"%.{eventName},%");
            command.Parameters.AddWithValue("@id", $"%{id}%");
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Until no service has an event waiting in its outbox, so resent duplicates have been delivered too.</summary>
    private static async Task WaitForRelaysAsync()
    {
        foreach (var service in new[] { "identity", "company", "board", "institution" })
        {
            await Eventually.TrueAsync(async () => await CountAsync(service, "SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL", null) == 0,
                TimeSpan.FromSeconds(120), $"{service}'s outbox is relayed");
        }
        // Delivered is not yet consumed: give the consumers the moment a delivery takes.
        await Task.Delay(TimeSpan.FromSeconds(5));
    }

    private static async Task<Guid> CompanyOfAsync(Guid provisionId) =>
        (await IdsAsync("company", "SELECT company_id FROM course_provisions WHERE id = @k", provisionId)).Single();

    private static async Task<HashSet<Guid>> IdsAsync(string service, string sql, Guid? key)
    {
        await using var connection = await OpenAsync(service);
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("@k", key?.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }

    private static async Task<int> CountAsync(string service, string sql, Guid? key)
    {
        await using var connection = await OpenAsync(service);
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("@k", key?.ToString());
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<MySqlConnection> OpenAsync(string service)
    {
        var connection = new MySqlConnection(await TestServers.MariaDbAsync($"lms_{service}", $"lms_{service}"));
        await connection.OpenAsync();
        return connection;
    }

    private sealed record Attempt(string Kind, DateTimeOffset At, int Status, Guid? Id)
    {
        public bool Accepted => Status is >= 200 and < 300;
    }

    private sealed record Outcome(int Status, Guid? Id)
    {
        public static async Task<Outcome> OfAsync(HttpResponseMessage response, string idProperty) =>
            response.IsSuccessStatusCode
                ? new Outcome((int)response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty(idProperty).GetGuid())
                : new Outcome((int)response.StatusCode, null);
    }

    /// <summary>Writers that each send their command, wait their pause and send again, until stopped; every answer is kept.</summary>
    private sealed class WriteLoad
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly List<Task<List<Attempt>>> _writers = [];

        public void Start(string kind, TimeSpan pause, Func<Task<Outcome>> command) => _writers.Add(Task.Run(async () =>
        {
            var attempts = new List<Attempt>();
            while (!_stop.IsCancellationRequested)
            {
                var at = DateTimeOffset.UtcNow;
                try
                {
                    var outcome = await command();
                    attempts.Add(new Attempt(kind, at, outcome.Status, outcome.Id));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // No answer at all: the client cannot know whether it was done, so the suite requires none of these.
                    attempts.Add(new Attempt(kind, at, 0, null));
                }
                await Task.Delay(pause);
            }
            return attempts;
        }));

        public async Task<IReadOnlyList<Attempt>> StopAsync()
        {
            await _stop.CancelAsync();
            var all = await Task.WhenAll(_writers);
            _stop.Dispose();
            return [.. all.SelectMany(a => a).OrderBy(a => a.At)];
        }
    }
}
