using System.Diagnostics;
using Lms.EndToEnd.Tests;

namespace Lms.Web.Tests.Live;

/// <summary>
/// A class whose period starts today with one live session scheduled, visible to its learner, and where to publish
/// it: the local nginx-rtmp ingest under the session's key, as OBS would.
/// </summary>
public sealed record LiveClass(Classroom Classroom, Guid SessionId, string Title, string PublishUrl)
{
    public Person Learner => Classroom.Employees[0];

    public Person Lecturer => Classroom.Manager;

    public static async Task<LiveClass> ScheduleAsync(HttpClient api, string title)
    {
        var classroom = await Classroom.RegisterAsync(api, employees: 1, beginInDays: 0);
        var start = DateTimeOffset.UtcNow.AddMinutes(2);
        var session = await classroom.Manager.SucceedAsync(HttpMethod.Post, "/live/v1/sessions",
            new { courseProvideId = classroom.ProvisionId, title, scheduledStart = start, scheduledEnd = start.AddHours(1) });
        var id = session.GetProperty("id").GetGuid();
        // The live service learns of the enrollment by an event; the learner sees the session once it has.
        await Eventually.TrueAsync(async () =>
        {
            using var response = await classroom.Employees[0].SendAsync(HttpMethod.Get, $"/live/v1/sessions/{id}");
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(30), "the learner sees the session");
        var broadcast = await classroom.Manager.SucceedAsync(HttpMethod.Get, $"/live/v1/sessions/{id}/broadcast");
        return new LiveClass(classroom, id, title, $"{broadcast.GetProperty("ingestUrl").GetString()}/{broadcast.GetProperty("streamKey").GetString()}");
    }
}

/// <summary>ffmpeg publishing a test pattern over RTMP with a keyframe every second (nginx cuts 1-second fragments at them).</summary>
public sealed class TestPattern : IAsyncDisposable
{
    private readonly Process _ffmpeg;

    private TestPattern(Process ffmpeg) => _ffmpeg = ffmpeg;

    public static TestPattern Publish(string url, int seconds) => new(Process.Start(new ProcessStartInfo("ffmpeg", [
        "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=15",
        "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "15", "-f", "flv", url,
    ])
    { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true })!);

    /// <summary>Whether the publisher stopped by itself within <paramref name="within"/> (nginx drops it when the session ends).</summary>
    public async Task<bool> StopsWithinAsync(TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        try
        {
            await _ffmpeg.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_ffmpeg.HasExited)
        {
            _ffmpeg.Kill();
            await _ffmpeg.WaitForExitAsync();
        }
        _ffmpeg.Dispose();
    }
}
