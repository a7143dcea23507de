using Lms.Board.Access;
using Lms.Board.Data;
using Lms.Contracts.Boards;
using Lms.ServiceDefaults.Email;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.ServiceDefaults.Time;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lms.Board.Notifications;

/// <summary>
/// Fans a notice out into one <see cref="NoticeEmailRequested"/> per learner the board is open to
/// (<see cref="BoardAccess"/>), through the outbox in the same transaction as the inbox record: no email is sent here,
/// so one bad address cannot make the others receive the notice twice.
/// </summary>
public sealed class NoticePostedConsumer(BoardDbContext db, TimeProvider clock, ILogger<NoticePostedConsumer> logger)
    : InboxConsumer<NoticePosted, BoardDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(NoticePosted message, CancellationToken cancellationToken)
    {
        var recipients = await Db.Enrollments.AsNoTracking().Where(BoardAccess.Opens(KoreaTime.Today(Clock)))
            .Where(e => e.ProvisionId == message.ProvisionId)
            .Select(e => e.UserId).Distinct().ToListAsync(cancellationToken);
        foreach (var recipient in recipients)
        {
            Db.PublishOnSave(new NoticeEmailRequested(message.PostId, message.ProvisionId, recipient, message.Title, message.PostedAt));
        }
    }
}

/// <summary>A notice email that went out, so a redelivered request does not send it again.</summary>
public sealed class SentNoticeEmail
{
    public Guid PostId { get; set; }

    public Guid RecipientId { get; set; }

    public DateTimeOffset SentAt { get; set; }
}

/// <summary>
/// Sends one learner's notice email, outside any database transaction, idempotent on (notice, recipient). A refused
/// address fails only its own message, which retries and then goes to the error queue on its own.
/// </summary>
public sealed class NoticeEmailConsumer(BoardDbContext db, IEmailSender mail, IOptions<MailOptions> options, TimeProvider clock) : IConsumer<NoticeEmailRequested>
{
    public async Task Consume(ConsumeContext<NoticeEmailRequested> context)
    {
        var request = context.Message;
        var cancellationToken = context.CancellationToken;
        if (await db.SentNoticeEmails.AnyAsync(s => s.PostId == request.PostId && s.RecipientId == request.RecipientId, cancellationToken))
        {
            return;
        }

        // Someone who left the class since the notice was posted is not told about it.
        var recipient = await (
            from enrollment in db.Enrollments.AsNoTracking().Where(BoardAccess.Opens(KoreaTime.Today(clock)))
            where enrollment.ProvisionId == request.ProvisionId && enrollment.UserId == request.RecipientId
            join user in db.Users.AsNoTracking() on enrollment.UserId equals user.Id
            select new { user.Email, user.Name }).FirstOrDefaultAsync(cancellationToken);
        if (recipient is null)
        {
            return;
        }

        var course = await db.Provisions.Where(p => p.ProvisionId == request.ProvisionId).Select(p => p.CourseTitle).SingleOrDefaultAsync(cancellationToken);
        await mail.SendAsync(Mail.Compose(options.Value, recipient.Email, recipient.Name,
            $"[{course}] 새 공지: {request.Title}",
            $"{course} 게시판에 새 공지가 올라왔습니다: {request.Title}\n\nA new notice was posted on {course}: {request.Title}"), cancellationToken);

        db.SentNoticeEmails.Add(new SentNoticeEmail { PostId = request.PostId, RecipientId = request.RecipientId, SentAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two deliveries of the same request raced and the other one recorded it; anything else is a real fault.
            db.ChangeTracker.Clear();
            if (!await db.SentNoticeEmails.AnyAsync(s => s.PostId == request.PostId && s.RecipientId == request.RecipientId, cancellationToken))
            {
                throw;
            }
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
