using System.Net;
using Lms.Contracts.Memberships;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Content;
using Lms.Services.Tests.Support;
using Lms.Services.Tests.Teachback;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Student;

/// <summary>
/// Completing keeps the course open for review until the provision ends (files, board, teach-back topics, without any
/// more credit); leaving the company closes every enrollment of it at once, completed ones too, while the completion
/// and its certificate stay. Across the student, content, board and live services, through their events.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Reviewing_and_leaving_a_course(Platform platform)
{
    private sealed record CompletedClass(StudyClass Class, Guid FileId, Guid TopicId, Caller OnContent, Caller OnBoard)
    {
        public string FileUrl => $"/content/v1/files/{FileId}/url";

        public string Board => $"/board/v1/course-provides/{Class.ProvisionId}/posts";

        public string Topics => $"/student/v1/teachback-topics?courseId={Class.CourseId}";
    }

    /// <summary>A class whose required document is a real stored file, with a course teach-back topic, completed by its learner.</summary>
    private async Task<CompletedClass> CompletedAsync()
    {
        var document = await ContentScenarios.FileInCourseAsync(platform);
        var c = await StudentScenarios.ClassAsync(platform, exams: (course, institution) => [StudentScenarios.Exam(course, institution)],
            course: document.CourseId, institution: document.InstitutionId, documentFileId: document.FileId);
        var topicId = await TeachbackScenarios.CourseTopicAsync(platform, c.CourseId, c.InstitutionId);
        var completed = new CompletedClass(c, document.FileId, topicId,
            Caller.As(platform.Content.Client, Roles.Employee, c.CompanyId, "company", c.Learner.UserId),
            Caller.As(platform.Board.Client, Roles.Employee, c.CompanyId, "company", c.Learner.UserId));
        await Eventually.TrueAsync(async () => (await completed.OnContent.GetAsync(completed.FileUrl)).StatusCode == HttpStatusCode.OK &&
                                               (await completed.OnBoard.GetAsync(completed.Board)).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the content and board services know the enrollment");

        await StudentScenarios.PassAsync(platform, c);
        Assert.Equal("COMPLETED", (await c.Learner.GetAsync(c.Enrollment).JsonAsync()).GetProperty("state").GetString());
        return completed;
    }

    [Fact]
    public async Task A_completed_employee_still_reads_the_files_the_board_and_the_teach_back_topics_and_earns_nothing_more()
    {
        var done = await CompletedAsync();
        var c = done.Class;

        var url = (await done.OnContent.GetAsync(done.FileUrl).JsonAsync()).GetProperty("url").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await done.OnBoard.GetAsync(done.Board)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Learner.GetAsync($"/student/v1/teachbacks/ranking?courseId={c.CourseId}")).StatusCode);
        var topics = await c.Learner.GetAsync(done.Topics).JsonAsync();
        Assert.Contains(done.TopicId, topics.GetProperty("courses").EnumerateArray().Single().GetProperty("topics").EnumerateArray()
            .Select(t => t.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, (await ContentScenarios.Storage.GetAsync(url)).StatusCode);

        // Reviewing credits nothing: the optional document opened after completion stays as it was, and no event leaves.
        var opened = await c.Learner.PostAsync(c.Open(c.OtherDocumentId)).JsonAsync();
        Assert.Equal("NOT_STARTED", opened.GetProperty("state").GetString());
        Assert.Equal("COMPLETED", opened.GetProperty("enrollmentState").GetString());
        platform.LearningClock.Advance(TimeSpan.FromSeconds(10));
        var watched = await c.Learner.PostAsync(c.Heartbeat(c.VideoId), new { positionSeconds = 10, playing = true }).JsonAsync();
        Assert.Equal(0, watched.GetProperty("creditedSeconds").GetDouble());
        Assert.False(await platform.Student.WithDbAsync(db => db.ItemProgress.AnyAsync(p => p.EnrollmentId == c.EnrollmentId && p.ItemId == c.OtherDocumentId)));
        Assert.Equal(0, await platform.Student.WithDbAsync(db => db.OutboxMessages.CountAsync(m =>
            m.MessageType.Contains("ContentCompleted") && m.Payload.Contains(c.OtherDocumentId.ToString()))));
    }

    [Fact]
    public async Task A_completed_learner_who_leaves_loses_the_files_the_board_the_topics_the_course_ranking_and_live_while_the_certificate_still_verifies()
    {
        var done = await CompletedAsync();
        var c = done.Class;
        var code = (await c.Learner.GetAsync("/student/v1/certificates").JsonAsync()).EnumerateArray().Single().GetProperty("verificationCode").GetString()!;

        await platform.Student.Services.GetRequiredService<IBus>().Publish(new CompanyMemberLeft(c.CompanyId, c.Learner.UserId, DateTimeOffset.UtcNow));

        await Eventually.TrueAsync(async () => (await done.OnContent.GetAsync(done.FileUrl)).StatusCode == HttpStatusCode.NotFound,
            TimeSpan.FromSeconds(30), "the content service refuses the former employee");
        await Eventually.TrueAsync(async () => (await done.OnBoard.GetAsync(done.Board)).StatusCode == HttpStatusCode.NotFound,
            TimeSpan.FromSeconds(30), "the board refuses the former employee");
        await (await c.Learner.GetAsync(done.Topics)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await c.Learner.GetAsync($"/student/v1/teachbacks/ranking?courseId={c.CourseId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await c.Learner.PostAsync("/student/v1/teachbacks", new { topicId = done.TopicId, text = TeachbackScenarios.FullExplanation }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await c.Learner.PostAsync(c.Open(c.OtherDocumentId))).AssertProblemAsync(HttpStatusCode.Conflict);
        await Eventually.TrueAsync(() => platform.Live.WithDbAsync(db => db.Enrollments.AnyAsync(e =>
                e.ProvisionId == c.ProvisionId && e.UserId == c.Learner.UserId && !e.Active)),
            TimeSpan.FromSeconds(30), "the live service no longer counts the former employee");

        // The record stays: still COMPLETED, the certificate listed and verifiable by anyone.
        Assert.Equal("COMPLETED", (await c.Learner.GetAsync(c.Enrollment).JsonAsync()).GetProperty("state").GetString());
        Assert.Single((await c.Learner.GetAsync("/student/v1/certificates").JsonAsync()).EnumerateArray());
        var verified = await Caller.Anonymous(platform.Student.Client).GetAsync($"/student/v1/certificates/verify/{code}").JsonAsync();
        Assert.Equal(c.LearnerName, verified.GetProperty("holderName").GetString());
    }
}
