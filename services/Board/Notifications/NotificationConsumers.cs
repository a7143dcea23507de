using Lms.Board.Data;
using Lms.Contracts.Boards;
using Lms.ServiceDefaults.Email;
using Lms.ServiceDefaults.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lms.Board.Notifications;

/// <summary>
/// Emails every active learner of the class when a notice is posted. Sent here, from the event, never inside the
/// request; a failure retries the message (a learner may then get the email twice, never not at all).
/// </summary>
public sealed class NoticePostedConsumer(BoardDbContext db, IEmailSender mail, IOptions<MailOptions> options, TimeProvider clock, ILogger<NoticePostedConsumer> logger)
    : InboxConsumer<NoticePosted, BoardDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(NoticePosted message, CancellationToken cancellationToken)
    {
        var recipients = await (
            from enrollment in Db.Enrollments.AsNoTracking()
            where enrollment.ProvisionId == message.ProvisionId && enrollment.Active
            join user in Db.Users.AsNoTracking() on enrollment.UserId equals user.Id
            select new { user.Email, user.Name }).ToListAsync(cancellationToken);
        var course = await Db.Provisions.Where(p => p.ProvisionId == message.ProvisionId).Select(p => p.CourseTitle).SingleOrDefaultAsync(cancellationToken);
        foreach (var recipient in recipients)
        {
            await mail.SendAsync(Mail.Compose(options.Value, recipient.Email, recipient.Name,
                $"[{course}] 새 공지: {message.Title}",
                $"{course} 게시판에 새 공지가 올라왔습니다: {message.Title}\n\nA new notice was posted on {course}: {message.Title}"), cancellationToken);
        }
    }
}

/// <summary>Emails the learner whose question a manager has answered.</summary>
public sealed class QuestionAnsweredConsumer(BoardDbContext db, IEmailSender mail, IOptions<MailOptions> options, TimeProvider clock, ILogger<QuestionAnsweredConsumer> logger)
    : InboxConsumer<QuestionAnswered, BoardDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(QuestionAnswered message, CancellationToken cancellationToken)
    {
        if (await Db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == message.QuestionAuthorId, cancellationToken) is { } author)
        {
            await mail.SendAsync(Mail.Compose(options.Value, author.Email, author.Name, $"질문에 답변이 달렸습니다: {message.Title}",
                $"질문 \"{message.Title}\"에 답변이 달렸습니다.\n\nYour question \"{message.Title}\" has been answered."), cancellationToken);
        }
    }
}

internal static class Mail
{
    public static MimeMessage Compose(MailOptions options, string email, string name, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(new MailboxAddress(name, email));
        return message;
    }
}
