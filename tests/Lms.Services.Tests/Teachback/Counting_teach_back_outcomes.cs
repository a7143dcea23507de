using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Lms.Student.Teachback.Processing;
using Lms.Student.Teachback.Submissions;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static Lms.Services.Tests.Teachback.TeachbackScenarios;

namespace Lms.Services.Tests.Teachback;

/// <summary>Teach-back outcomes are counted by final status with the learner's wait, once each (docs/OPERATIONS.md, "Metrics").</summary>
[Collection(PlatformGroup.Name)]
public sealed class Counting_teach_back_outcomes(Platform platform)
{
    private IMeterFactory Meters => platform.Student.Services.GetRequiredService<IMeterFactory>();

    private static bool Of(Measurement m, string status) => m.Tag("lms.teachback.status") == status;

    [Fact]
    public async Task A_scored_and_a_failed_submission_are_counted_under_their_status_with_how_long_each_took()
    {
        using var finished = new MetricRecorder(TeachbackMetrics.MeterName, "lms.teachback.submissions", Meters);
        using var durations = new MetricRecorder(TeachbackMetrics.MeterName, "lms.teachback.duration", Meters);
        var topicId = await CatalogTopicAsync(platform);
        var learner = Learner(platform);
        var fileId = await RecordingAsync(platform, learner.UserId);

        await FinalAsync(learner, await SubmitTextAsync(learner, topicId));
        var recorded = await learner.PostAsync("/student/v1/teachbacks", new { topicId, fileId });
        Assert.Equal(HttpStatusCode.Accepted, recorded.StatusCode);
        await FinalAsync(learner, (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());

        // At least: the service may finish an earlier test's submission meanwhile. Exactly once is the redelivery test's.
        Assert.True(finished.Sum(m => Of(m, TeachbackStatuses.Succeeded)) >= 1);
        Assert.True(finished.Sum(m => Of(m, TeachbackStatuses.Failed)) >= 1);
        Assert.Contains(durations.Measurements, m => Of(m, TeachbackStatuses.Succeeded) && m.Value is >= 0 and <= 30);
    }

    [Fact]
    public async Task A_submission_the_sweeper_times_out_is_counted_with_the_wait_since_it_was_made()
    {
        using var durations = new MetricRecorder(TeachbackMetrics.MeterName, "lms.teachback.duration", Meters);
        var topicId = await CatalogTopicAsync(platform);
        var learner = Learner(platform);
        var stuck = TeachbackSubmission.OfText(learner.UserId, topicId, null, "멈춘 설명", DateTimeOffset.UtcNow.AddMinutes(-20), TimeSpan.FromMinutes(10));
        await platform.Student.WithDbAsync(async db => { db.TeachbackSubmissions.Add(stuck); return await db.SaveChangesAsync(); });

        await FinalAsync(learner, stuck.Id);

        Assert.Contains(durations.Measurements, m => Of(m, TeachbackStatuses.TimedOut) && m.Value >= 20 * 60);
    }

    [Fact]
    public async Task A_redelivered_request_is_counted_once()
    {
        using var finished = new MetricRecorder(TeachbackMetrics.MeterName, "lms.teachback.submissions", Meters);
        var topicId = await CatalogTopicAsync(platform);
        var learner = Learner(platform);
        var submission = TeachbackSubmission.OfText(learner.UserId, topicId, null, FullExplanation, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10));
        await platform.Student.WithDbAsync(async db => { db.TeachbackSubmissions.Add(submission); return await db.SaveChangesAsync(); });
        var counter = new ConsumedCounter<TeachbackRequested>();
        var bus = platform.Student.Services.GetRequiredService<IBus>();
        using var observing = bus.ConnectConsumeMessageObserver(counter);
        var (messageId, repeat) = (NewId.NextGuid(), NewId.NextGuid());

        // The broker delivering the same message twice, then the same request under a new id (a crash after the outcome was stored).
        await bus.Publish(new TeachbackRequested(submission.Id, DateTimeOffset.UtcNow), context => context.MessageId = messageId);
        await bus.Publish(new TeachbackRequested(submission.Id, DateTimeOffset.UtcNow), context => context.MessageId = messageId);
        await Eventually.TrueAsync(() => Task.FromResult(counter.CountOf(messageId) == 2), TimeSpan.FromSeconds(30), "both deliveries consumed");
        await FinalAsync(learner, submission.Id);
        await bus.Publish(new TeachbackRequested(submission.Id, DateTimeOffset.UtcNow), context => context.MessageId = repeat);
        await Eventually.TrueAsync(() => Task.FromResult(counter.CountOf(repeat) == 1), TimeSpan.FromSeconds(30), "the repeat consumed");

        Assert.Equal(1, finished.Sum(m => Of(m, TeachbackStatuses.Succeeded)));
    }
}
