using System.Net;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Student;

/// <summary>
/// A heartbeat the player could never send (a position no number of seconds holds, or a field left out) is a 400
/// that credits nothing, never a 500 and never a heartbeat read with defaults.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Refusing_malformed_heartbeats(Platform platform)
{
    public static TheoryData<string> Positions => ["2147483648", "1e309", "-1e309", "\"NaN\"", "\"Infinity\"", "1e300", "-0.5"];

    [Theory]
    [MemberData(nameof(Positions))]
    public async Task A_position_out_of_range_is_a_400_that_credits_nothing(string position)
    {
        var c = await StudentScenarios.ClassAsync(platform);

        var response = await c.Learner.PostAsync(c.Heartbeat(c.VideoId), Json($$"""{"positionSeconds":{{position}},"playing":true}"""));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(await HasProgressAsync(c));
    }

    [Theory]
    [InlineData("""{"positionSeconds":10}""", "playing")]
    [InlineData("""{"playing":true}""", "positionSeconds")]
    [InlineData("""{"positionSeconds":10,"playing":null}""", "playing")]
    public async Task A_heartbeat_without_a_required_field_is_a_400_naming_it(string body, string field)
    {
        var c = await StudentScenarios.ClassAsync(platform);

        var response = await c.Learner.PostAsync(c.Heartbeat(c.VideoId), Json(body));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await HasProgressAsync(c));
    }

    [Fact]
    public async Task A_heartbeat_with_both_fields_and_no_clock_is_accepted()
    {
        var c = await StudentScenarios.ClassAsync(platform);

        var response = await c.Learner.PostAsync(c.Heartbeat(c.VideoId), Json("""{"positionSeconds":0,"playing":true}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private Task<bool> HasProgressAsync(StudyClass c) =>
        platform.Student.WithDbAsync(db => db.ItemProgress.AnyAsync(p => p.EnrollmentId == c.EnrollmentId && p.ItemId == c.VideoId));
}
