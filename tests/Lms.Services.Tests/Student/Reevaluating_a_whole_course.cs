using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Contracts.Courses;
using Lms.Contracts.Provisions;
using Lms.ServiceDefaults.Messaging.Outbox;
using Lms.ServiceDefaults.Security;
using Lms.ServiceDefaults.Time;
using Lms.Services.Tests.Support;
using Lms.Student.Completion;
using Lms.Student.Courses;
using Lms.Student.Enrollments;
using Lms.Student.Learning;
using Lms.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Lms.Services.Tests.Student;

/// <summary>
/// A change of a course reaches every active learner in bounded batches, while learners keep heartbeating on the same
/// enrollments, without a message ending in an <c>_error</c> queue.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Reevaluating_a_whole_course(Platform platform, ITestOutputHelper output)
{
    private const int Learners = 2000;
    private const int BatchSize = 200; // the service's default
    private const int Heartbeaters = 200;
    private const int VideoSeconds = 60;

    [Fact]
    public async Task A_relaxed_rule_completes_2000_learners_in_batches_while_200_of_them_heartbeat_and_no_message_faults()
    {
        var bus = platform.Student.Services.GetRequiredService<IBus>();
        var (courseId, institutionId, companyId, provisionId) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var (videoId, documentId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var chapters = new[]
        {
            new CourseChapterSnapshot(Guid.CreateVersion7(), "1장", 1,
            [
                new CourseItemSnapshot(videoId, "영상", "VIDEO", Guid.CreateVersion7(), VideoSeconds, true, 1),
                new CourseItemSnapshot(documentId, "교안", "DOCUMENT", Guid.CreateVersion7(), null, true, 2),
            ]),
        };
        var strict = StudentScenarios.DefaultRule with { CourseProgressPercent = 100 };
        await bus.Publish(new CourseStructureChanged(courseId, institutionId, 1, chapters, strict, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => platform.Student.WithDbAsync(db => db.Outlines.AnyAsync(o => o.CourseId == courseId)),
            TimeSpan.FromSeconds(30), "the outline is known");

        // 2,001 on the roster, then the last one taken off: 2,000 ACTIVE and one CANCELLED, whom no batch may touch.
        var users = Enumerable.Range(0, Learners + 1).Select(_ => Guid.CreateVersion7()).ToList();
        var today = KoreaTime.Today(platform.LearningClock.GetUtcNow());
        var provision = new CourseProvisionChanged(provisionId, companyId, "대형회사", institutionId, "안전교육원", courseId, "대규모 과정",
            today.AddDays(-1), today.AddDays(29), Learners + 1, null, ProvisionStates.Registered, users, [], 4);
        await bus.Publish(provision);
        await Eventually.TrueAsync(() => platform.Student.WithDbAsync(async db =>
                await db.Enrollments.CountAsync(e => e.ProvisionId == provisionId) == Learners + 1),
            TimeSpan.FromMinutes(3), "2,001 enrollments");
        await bus.Publish(provision with { Roster = users[..Learners], Version = 5 });
        var enrollments = await Eventually.GetAsync(() => platform.Student.WithDbAsync(db =>
                db.Enrollments.AsNoTracking().Where(e => e.ProvisionId == provisionId).ToListAsync()),
            all => all.Count(e => e.State == EnrollmentStates.Active) == Learners && all.Count(e => e.State == EnrollmentStates.Cancelled) == 1,
            TimeSpan.FromMinutes(1), "2,000 active enrollments and one cancelled");
        var cancelled = enrollments.Single(e => e.State == EnrollmentStates.Cancelled);
        var active = enrollments.Where(e => e.State == EnrollmentStates.Active).OrderBy(e => e.Id).ToList();

        // Everyone opened the document (half the required items) before the change: stored as the open endpoint would.
        await platform.Student.WithDbAsync(async db =>
        {
            foreach (var enrollment in enrollments)
            {
                var document = ItemProgress.Start(enrollment.Id, documentId, enrollment.UserId);
                document.Opened();
                document.Complete(platform.LearningClock.GetUtcNow());
                db.ItemProgress.Add(document);
            }

            return await db.SaveChangesAsync();
        });

        // The relay publishes in order, so the batches would queue behind the 2,001 EnrollmentActivated events; let those
        // go first, so that the heartbeats below overlap the re-evaluation itself, not the wait for the relay.
        await Eventually.TrueAsync(() => platform.Student.WithDbAsync(async db => !await db.OutboxMessages.AnyAsync(m => m.SentAt == null)),
            TimeSpan.FromMinutes(8), "the student service's outbox is drained");
        var errorQueues = ErrorQueues();
        var errorsBefore = await Broker.CountMessagesAsync(errorQueues);

        // Every tenth learner watches the video, ten seconds of it per round (the learning clock moves 10 s a round);
        // their starts are staggered over 25 rounds, so that videos complete (and progress changes) all through the
        // re-evaluation, and everyone keeps heartbeating until it is over.
        const int staggered = 25;
        var heartbeaters = active.Where((_, i) => i % (Learners / Heartbeaters) == 0)
            .Select((e, i) => (Enrollment: e, Start: i % staggered, Caller: Caller.As(platform.Student.Client, Roles.Employee, companyId, "company", e.UserId)))
            .ToList();
        var answers = new ConcurrentDictionary<int, int>();
        var during = new ConcurrentBag<string>(); // what heartbeats answered while batches were in flight (item state or status)
        var reevaluating = 0;
        var rounds = 0;
        using var stop = new CancellationTokenSource();
        // Each player moves on 10 s after an answered heartbeat and sends the same position again after a 409. A
        // heartbeat that comes more than 60 s (learning clock) after the last one earns nothing, which a slow round on
        // a busy machine can cause; a player that reached the end without completing replays the last 20 s, as a
        // learner would.
        var positions = new ConcurrentDictionary<Guid, int>();
        var watched = new ConcurrentDictionary<Guid, bool>();
        var heartbeating = Task.Run(async () =>
        {
            for (var round = 0; (!stop.IsCancellationRequested || round < staggered || watched.Count < Heartbeaters) && round < 200; round++)
            {
                await Parallel.ForEachAsync(heartbeaters.Where(h => round >= h.Start), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (h, token) =>
                {
                    var position = positions.GetOrAdd(h.Enrollment.Id, 0);
                    var response = await h.Caller.PostAsync($"/student/v1/enrollments/{h.Enrollment.Id}/items/{videoId}/heartbeat",
                        new { positionSeconds = position, playing = true });
                    answers.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                    var body = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(token) : default;
                    var answer = response.IsSuccessStatusCode
                        ? body.GetProperty("state").GetString()!
                        : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (Volatile.Read(ref reevaluating) == 1)
                    {
                        during.Add(position == VideoSeconds && !watched.ContainsKey(h.Enrollment.Id) ? $"reaching the end {answer}" : answer);
                    }

                    // Done when the video completed, or when a batch completed the course first: a completed course is
                    // open for review, and watching it credits nothing more.
                    if (answer == "COMPLETED" || (response.IsSuccessStatusCode && body.GetProperty("enrollmentState").GetString() == EnrollmentStates.Completed))
                    {
                        watched.TryAdd(h.Enrollment.Id, true);
                    }
                    else if (response.IsSuccessStatusCode)
                    {
                        positions[h.Enrollment.Id] = position >= VideoSeconds ? VideoSeconds - 20 : position + 10;
                    }
                });
                Interlocked.Increment(ref rounds);
                platform.LearningClock.Advance(TimeSpan.FromSeconds(10));
            }
        });
        // The first videos complete in round 6.
        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref rounds) >= 6), TimeSpan.FromMinutes(2), "heartbeats are under way");

        var watch = Stopwatch.StartNew();
        var changedAt = DateTimeOffset.UtcNow;
        Volatile.Write(ref reevaluating, 1);
        await bus.Publish(new CourseStructureChanged(courseId, institutionId, 2, chapters, strict with { CourseProgressPercent = 50 }, DateTimeOffset.UtcNow));
        var completed = await Eventually.GetAsync(() => platform.Student.WithDbAsync(db =>
                db.Enrollments.CountAsync(e => e.ProvisionId == provisionId && e.State == EnrollmentStates.Completed)),
            n => n == Learners, TimeSpan.FromMinutes(10), "every active learner is re-evaluated and completes");
        watch.Stop();
        Volatile.Write(ref reevaluating, 0);
        await stop.CancelAsync();
        await heartbeating;

        var after = await platform.Student.WithDbAsync(db => db.Enrollments.AsNoTracking().Where(e => e.ProvisionId == provisionId).ToListAsync());
        var certificates = await platform.Student.WithDbAsync(db => db.Certificates.AsNoTracking()
            .Where(c => enrollments.Select(e => e.Id).Contains(c.EnrollmentId)).GroupBy(c => c.EnrollmentId).Select(g => g.Count()).ToListAsync());
        var batches = (await platform.Student.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                .Where(m => m.MessageType.Contains(nameof(ReevaluateEnrollmentBatch)) && m.Payload.Contains(courseId.ToString())).ToListAsync()))
            .Select(m => Assert.IsType<ReevaluateEnrollmentBatch>(m.Deserialize())).ToList();
        var errorsAfter = await Broker.CountMessagesAsync(errorQueues);
        var batchRows = await platform.Student.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType.Contains(nameof(ReevaluateEnrollmentBatch)) && m.Payload.Contains(courseId.ToString())).ToListAsync());
        var batchIds = batchRows.Select(m => m.MessageId).ToList();
        var handled = await platform.Student.WithDbAsync(db => db.InboxMessages.AsNoTracking()
            .Where(m => batchIds.Contains(m.MessageId)).Select(m => m.ProcessedAt).ToListAsync());
        output.WriteLine($"{Learners} enrollments re-evaluated in {batches.Count} batches, {watch.Elapsed.TotalSeconds:0.0} s from the change's " +
                         $"publication to the last completion: batches queued {(batchRows.Min(m => m.CreatedAt) - changedAt).TotalSeconds:0.0} s after it, " +
                         $"relayed within {(batchRows.Max(m => m.SentAt!.Value) - changedAt).TotalSeconds:0.0} s, all handled " +
                         $"{(handled.Max() - batchRows.Min(m => m.SentAt!.Value)).TotalSeconds:0.0} s after the first was relayed.");
        output.WriteLine($"{rounds} heartbeat rounds by {Heartbeaters} learners, answers: " +
                         string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Key}×{a.Value}")) +
                         $"; while the batches were in flight: {during.Count} heartbeats answered (" +
                         string.Join(", ", during.GroupBy(d => d).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")) + ").");
        output.WriteLine("Error queues before → after: " + string.Join(", ", errorQueues.Select(q => $"{q} {errorsBefore[q]} → {errorsAfter[q]}")));

        Assert.Equal(Learners, completed);
        Assert.Equal(Learners / BatchSize, batches.Count);
        Assert.All(batches, b => Assert.True(b.EnrollmentIds.Count <= BatchSize));
        // Each ACTIVE enrollment in one batch: all but the watchers who had already completed under the old rule.
        var batched = batches.SelectMany(b => b.EnrollmentIds).ToList();
        var watchers = heartbeaters.Select(h => h.Enrollment.Id).ToHashSet();
        Assert.Equal(batched.Count, batched.Distinct().Count());
        Assert.Subset(active.Select(e => e.Id).ToHashSet(), batched.ToHashSet());
        Assert.Superset(active.Select(e => e.Id).Where(id => !watchers.Contains(id)).ToHashSet(), batched.ToHashSet());
        Assert.Equal(Learners, certificates.Count);
        Assert.All(certificates, n => Assert.Equal(1, n));
        // Progress is the share of required items completed while learning: a watcher whose video completed before a batch
        // completed the course has 100 %; once completed, watching credits nothing (review), so the others keep 50 %.
        var videos = await platform.Student.WithDbAsync(db => db.ItemProgress.AsNoTracking()
            .Where(p => p.ItemId == videoId && p.State == ItemStates.Completed).ToDictionaryAsync(p => p.EnrollmentId, p => p.CompletedAt!.Value));
        Assert.Subset(watchers, videos.Keys.ToHashSet());
        Assert.All(after.Where(e => e.State != EnrollmentStates.Cancelled), e =>
            Assert.Equal(videos.ContainsKey(e.Id) ? 100m : 50m, e.ProgressPercent));
        Assert.All(after.Where(e => videos.ContainsKey(e.Id)), e => Assert.True(videos[e.Id] <= e.CompletedAt, "no video completes after its course"));
        var untouched = after.Single(e => e.Id == cancelled.Id);
        Assert.Equal((EnrollmentStates.Cancelled, 0m), (untouched.State, untouched.ProgressPercent));
        // A heartbeat that loses a race with a batch answers 409 concurrent-progress, as for any race; never a 5xx.
        Assert.All(answers.Keys, status => Assert.True(status is 200 or 409, $"a heartbeat answered {status}"));
        Assert.Contains(during, answer => answer == "reaching the end COMPLETED"); // videos did complete while the batches ran
        Assert.Equal(errorsBefore, errorsAfter);
    }

    /// <summary>The error queues of the consumers that take a course-wide change: the fan-outs and the batches.</summary>
    private List<string> ErrorQueues()
    {
        var names = platform.Student.Services.GetRequiredService<IEndpointNameFormatter>();
        return [.. new[]
        {
            names.Consumer<ReevaluateEnrollmentBatchConsumer>(),
            names.Consumer<CourseStructureChangedConsumer>(),
            names.Consumer<Lms.Student.Exams.ExamPublishedConsumer>(),
        }.Select(queue => queue + "_error")];
    }
}
