using System.Net;
using Lms.Contracts.Enrollments;
using Lms.Contracts.Identity;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Board;

/// <summary>A notice becomes one email per learner: a refused address retries alone and nobody else hears twice.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Notifying_each_learner(Platform platform)
{
    [Fact]
    public async Task An_address_the_mail_server_refuses_retries_alone_and_the_others_get_the_notice_exactly_once()
    {
        var c = await BoardScenarios.ClassAsync(platform);
        var refusedEmail = $"{SmtpServer.RefusedMarker}.{Guid.NewGuid():N}@example.com";
        var unlucky = Caller.As(platform.Board.Client, Roles.Employee, Guid.NewGuid(), "company");
        var bus = platform.Board.Services.GetRequiredService<IBus>();
        await bus.Publish(new UserRegistered(unlucky.UserId, refusedEmail, $"u{unlucky.UserId:N}"[..20], "반송되는 사람", DateTimeOffset.UtcNow));
        await bus.Publish(new EnrollmentActivated(Guid.CreateVersion7(), unlucky.UserId, c.ProvisionId, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => platform.Board.WithDbAsync(async db =>
                await db.Users.AnyAsync(u => u.Id == unlucky.UserId) && await db.Enrollments.AnyAsync(e => e.UserId == unlucky.UserId && e.Active)),
            TimeSpan.FromSeconds(30), "the board knows the third learner");
        var title = $"공지 {Guid.NewGuid():N}"[..12];

        var posted = await c.Manager.PostAsync(BoardScenarios.Posts(c), new { type = "NOTICE", title, body = "본문" });

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        await platform.BoardMail.ReceivedAsync(c.LearnerEmail, title);
        await platform.BoardMail.ReceivedAsync(c.OtherLearnerEmail, title);
        // Delivery to the refused address is retried (and then parked in the error queue) on its own.
        await Eventually.TrueAsync(() => Task.FromResult(platform.BoardSmtp.AttemptsFor(refusedEmail) >= 2),
            TimeSpan.FromSeconds(30), $"the refused address is retried (attempts so far: {platform.BoardSmtp.AttemptsFor(refusedEmail)}, learner {platform.BoardSmtp.AttemptsFor(c.LearnerEmail)})");
        Assert.Equal(1, platform.BoardMail.CountTo(c.LearnerEmail, title));
        Assert.Equal(1, platform.BoardMail.CountTo(c.OtherLearnerEmail, title));
        Assert.Equal(1, platform.BoardSmtp.AttemptsFor(c.LearnerEmail));
        Assert.Equal(0, platform.BoardMail.CountTo(refusedEmail, title));
    }

    [Fact]
    public async Task A_notice_to_many_learners_is_one_message_per_learner()
    {
        var c = await BoardScenarios.ClassAsync(platform);
        var title = $"공지 {Guid.NewGuid():N}"[..12];

        (await c.Manager.PostAsync(BoardScenarios.Posts(c), new { type = "NOTICE", title, body = "본문" })).EnsureSuccessStatusCode();

        await platform.BoardMail.ReceivedAsync(c.LearnerEmail, title);
        await platform.BoardMail.ReceivedAsync(c.OtherLearnerEmail, title);
        var post = await platform.Board.WithDbAsync(db => db.Posts.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());
        var requests = await platform.Board.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Payload.Contains(post.ToString()) && m.MessageType.Contains("NoticeEmailRequested")));
        Assert.Equal(2, requests);
        await Eventually.GetAsync(() => platform.Board.WithDbAsync(db => db.SentNoticeEmails.CountAsync(s => s.PostId == post)),
            n => n == 2, TimeSpan.FromSeconds(15), "both sends are recorded");
    }
}
