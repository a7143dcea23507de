using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Content.Uploads;
using Lms.Services.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Content;

/// <summary>Uploads started, completed and refused are counted by purpose and reason (docs/OPERATIONS.md, "Metrics").</summary>
[Collection(PlatformGroup.Name)]
public sealed class Counting_uploads(Platform platform)
{
    private IMeterFactory Meters => platform.Content.Services.GetRequiredService<IMeterFactory>();

    private static bool CourseContent(Measurement m) => m.Tag("lms.upload.purpose") == UploadPurposes.CourseContent;

    [Fact]
    public async Task A_completed_upload_counts_as_started_and_completed()
    {
        using var started = new MetricRecorder(UploadMetrics.MeterName, "lms.content.uploads.started", Meters);
        using var completed = new MetricRecorder(UploadMetrics.MeterName, "lms.content.uploads.completed", Meters);
        using var refused = new MetricRecorder(UploadMetrics.MeterName, "lms.content.uploads.refused", Meters);

        await ContentScenarios.FileInCourseAsync(platform);

        Assert.Equal(1, started.Sum(CourseContent));
        Assert.Equal(1, completed.Sum(CourseContent));
        Assert.Empty(refused.Measurements);
    }

    [Fact]
    public async Task Refusals_at_the_start_and_at_completion_are_counted_with_their_reason()
    {
        using var refused = new MetricRecorder(UploadMetrics.MeterName, "lms.content.uploads.refused", Meters);
        using var completed = new MetricRecorder(UploadMetrics.MeterName, "lms.content.uploads.completed", Meters);
        var (courseId, manager, _) = await ContentScenarios.CourseWithManagerAsync(platform);

        var wrongType = await manager.PostAsync("/content/v1/uploads",
            new { fileName = "setup.exe", size = 1000, contentType = "application/x-msdownload", courseId, purpose = "course-content" });
        var tooLarge = await manager.PostAsync("/content/v1/uploads",
            new { fileName = "huge.pdf", size = 50L * 1024 * 1024 * 1024, contentType = "application/pdf", courseId, purpose = "course-content" });
        var started = await (await manager.PostAsync("/content/v1/uploads",
            new { fileName = "short.pdf", size = 1000, contentType = "application/pdf", courseId, purpose = "course-content" })).Content.ReadFromJsonAsync<JsonElement>();
        using var put = await ContentScenarios.Storage.PutAsync(started.GetProperty("parts")[0].GetProperty("url").GetString()!, new ByteArrayContent(new byte[900]));
        var shortFile = await manager.PostAsync($"/content/v1/uploads/{started.GetProperty("uploadId").GetGuid()}/complete",
            new { parts = new[] { new { partNumber = 1, etag = put.Headers.ETag!.Tag } } });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, shortFile.StatusCode);
        Assert.Equal([UploadMetrics.FileType, UploadMetrics.TooLarge, UploadMetrics.SizeMismatch],
            refused.Measurements.Where(CourseContent).Select(m => m.Tag("lms.refusal.reason")));
        Assert.Empty(completed.Measurements);
    }
}
