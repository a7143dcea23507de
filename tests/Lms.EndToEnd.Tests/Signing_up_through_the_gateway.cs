using System.Diagnostics;
using Lms.Testing;

namespace Lms.EndToEnd.Tests;

public sealed class Signing_up_through_the_gateway
{
    [Fact]
    public async Task Every_service_that_shows_people_learns_of_the_new_user()
    {
        var userId = await RunningPlatform.SignUpAsync(RunningPlatform.NewSignUp("정서연"));

        foreach (var service in RunningPlatform.ServicesWithUsers)
        {
            var name = await Eventually.GetAsync(() => RunningPlatform.UserNameInAsync(service, userId), n => n is not null,
                TimeSpan.FromSeconds(30), $"{service} has user {userId}");
            Assert.Equal("정서연", name);
        }
    }

    [Fact]
    public async Task One_trace_runs_from_the_gateway_through_identity_and_the_bus_into_every_consumer()
    {
        var trace = ActivityTraceId.CreateRandom();

        var userId = await RunningPlatform.SignUpAsync(RunningPlatform.NewSignUp(), trace);

        await Eventually.TrueAsync(() => RunningPlatform.UserNameInAsync("board", userId).ContinueWith(t => t.Result is not null),
            TimeSpan.FromSeconds(30), "the last projection is written");
        foreach (var process in (string[])["gateway", "identity", .. RunningPlatform.ServicesWithUsers])
        {
            // Spans are exported when they end; the consumer's ends just after its projection commits.
            await Eventually.TrueAsync(() => RunningPlatform.LogMentionsAsync(process, trace.ToString()),
                TimeSpan.FromSeconds(15), $"{process} exported a span of trace {trace}");
        }
    }
}
