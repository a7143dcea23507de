using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lms.EndToEnd.Tests;

/// <summary>Tests that stop a service of the running platform: they run alone, after every other test class.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Outages
{
    public const string Name = "outages";
}

/// <summary>Organisations through the gateway: decisions that survive an outage, access that ends with employment, limits per person.</summary>
[Collection(Outages.Name)]
public sealed class Trusting_the_tenancy
{
    [Fact]
    public async Task A_manager_accepting_while_the_company_service_is_down_gets_503_and_the_retry_after_it_is_back_applies_once()
    {
        using var client = RunningPlatform.NewClient();
        HttpResponseMessage? duringOutage = null;

        var classroom = await Classroom.RegisterAsync(client, employees: 1, beforeAccept: async (manager, provisionId) =>
        {
            // The institution must know the request before it will decide on it.
            await manager.SucceedAsync(HttpMethod.Get, $"/institution/v1/course-provides/{provisionId}");
            await ServiceAsync("stop", "company");
            try
            {
                duringOutage = await manager.SendAsync(HttpMethod.Post, $"/institution/v1/course-provides/{provisionId}/accept");
            }
            finally
            {
                await ServiceAsync("start", "company");
            }
        });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, duringOutage!.StatusCode);
        Assert.NotNull(duringOutage.Headers.RetryAfter);
        var seen = await classroom.Supervisor.SucceedAsync(HttpMethod.Get, $"/company/v1/course-provides/{classroom.ProvisionId}");
        Assert.Single(seen.GetProperty("history").EnumerateArray(), h => h.GetProperty("to").GetString() == "ACCEPTED");
    }

    [Fact]
    public async Task An_employee_removed_mid_course_loses_the_course_and_its_board_within_seconds()
    {
        using var client = RunningPlatform.NewClient();
        var classroom = await Classroom.RegisterAsync(client, employees: 2, beginInDays: 0);
        var (leaving, staying) = (classroom.Employees[0], classroom.Employees[1]);
        var board = $"/board/v1/course-provides/{classroom.ProvisionId}/posts";
        await leaving.SucceedAsync(HttpMethod.Get, board);

        var removed = await classroom.Supervisor.SendAsync(HttpMethod.Delete, $"/company/v1/members/{leaving.UserId}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var clock = Stopwatch.StartNew();
        await Eventually.TrueAsync(async () => (await leaving.SendAsync(HttpMethod.Get, board)).StatusCode == HttpStatusCode.NotFound,
            TimeSpan.FromSeconds(20), "the board refuses the removed employee");
        await Eventually.TrueAsync(async () =>
        {
            var mine = await (await leaving.SendAsync(HttpMethod.Get, "/student/v1/enrollments")).Content.ReadFromJsonAsync<JsonElement>();
            return mine.GetProperty("items").EnumerateArray().All(e => e.GetProperty("state").GetString() == "CANCELLED");
        }, TimeSpan.FromSeconds(20), "the removed employee's enrollment is cancelled");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.OK, (await staying.SendAsync(HttpMethod.Get, board)).StatusCode);
    }

    [Fact]
    public async Task One_person_flooding_is_limited_while_a_colleague_at_the_same_address_gets_through()
    {
        using var client = RunningPlatform.NewClient();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var flooder = await Person.JoinAsync(client, $"flood.{tag}@example.com", "많이 누르는 사람");
        var colleague = await Person.JoinAsync(client, $"calm.{tag}@example.com", "옆자리 동료");

        var flood = await Task.WhenAll(Enumerable.Range(0, 400).Select(_ => flooder.SendAsync(HttpMethod.Get, "/identity/v1/me")));
        var calm = await colleague.SendAsync(HttpMethod.Get, "/identity/v1/me");

        var limited = flood.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.Equal(HttpStatusCode.OK, calm.StatusCode);
    }

    private static async Task ServiceAsync(string verb, string name)
    {
        var script = Environment.GetEnvironmentVariable("LMS_SERVICE_CTL")
            ?? throw new InvalidOperationException("LMS_SERVICE_CTL is not set: run the end-to-end tests with `./lms test`.");
        using var process = Process.Start(new ProcessStartInfo(script) { ArgumentList = { verb, name }, RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not run {script}.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {verb} {name} exited {process.ExitCode}: {await output}{await errors}");
        }
    }
}
