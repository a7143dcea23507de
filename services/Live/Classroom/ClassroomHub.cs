using Lms.Live.Access;
using Lms.Live.Data;
using Lms.Live.Quizzes;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Classroom;

/// <summary>
/// The live classroom (<c>/live/hubs/classroom</c>): entitled people join one session, chat, answer quizzes, and
/// (managers) moderate.
/// Each method either completes or throws a <see cref="HubException"/> whose message the client can show. The caller's
/// session and role are fixed at join time on the connection.
/// </summary>
[Authorize]
public sealed class ClassroomHub(LiveDbContext db, TimeProvider clock, ChatRateLimiter limiter, QuizRoom quizzes) : Hub
{
    public const string Path = "/live/hubs/classroom";

    private const string SessionKey = "session";
    private const string RoleKey = "role";

    public static string Everyone(Guid sessionId) => $"session:{sessionId:N}";

    public static string Managers(Guid sessionId) => $"session:{sessionId:N}:managers";

    public async Task JoinSession(Guid sessionId)
    {
        var userId = Context.User!.GetUserId();
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, Context.ConnectionAborted);
        var role = session is null ? LiveRole.None : await LiveAccess.RoleAsync(db, session.ProvisionId, userId, Context.ConnectionAborted);
        if (session is null || role == LiveRole.None)
        {
            throw new HubException("The live session does not exist.");
        }

        if (Context.Items.TryGetValue(SessionKey, out var joined) && joined is Guid previous && previous != sessionId)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, Everyone(previous));
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, Managers(previous));
        }
        Context.Items[SessionKey] = sessionId;
        Context.Items[RoleKey] = role;
        await Groups.AddToGroupAsync(Context.ConnectionId, Everyone(sessionId));
        if (role == LiveRole.Manager)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, Managers(sessionId));
        }

        await PresenceInterval.RecordAsync(db, sessionId, userId, clock.GetUtcNow(), Context.ConnectionAborted);
        await Clients.Caller.SendAsync("sessionState", new SessionStateView(session.Id, session.State));
        var history = await db.ChatMessages.AsNoTracking()
            .Where(m => m.SessionId == sessionId && m.DeletedBy == null)
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).Take(100)
            .ToListAsync(Context.ConnectionAborted);
        foreach (var message in Enumerable.Reverse(history))
        {
            await Clients.Caller.SendAsync("chat", message.ToView());
        }

        var open = await db.Quizzes.AsNoTracking().Where(q => q.SessionId == sessionId && q.State == QuizStates.Open)
            .SingleOrDefaultAsync(Context.ConnectionAborted);
        if (open is not null && open.EndsAt > clock.GetUtcNow())
        {
            await Clients.Caller.SendAsync("quizStarted", QuizRoom.Started(open));
        }
    }

    /// <summary>One answer per learner, counted only while the quiz is open by the server's clock; managers see the tally.</summary>
    public async Task AnswerQuiz(Guid quizId, int option)
    {
        var (sessionId, role) = Joined();
        if (role != LiveRole.Enrollee)
        {
            throw new HubException("Quizzes are answered by the enrolled learners.");
        }
        var now = clock.GetUtcNow();
        var quiz = await db.Quizzes.AsNoTracking().SingleOrDefaultAsync(q => q.Id == quizId && q.SessionId == sessionId, Context.ConnectionAborted)
            ?? throw new HubException("The quiz does not exist.");
        if (quiz.CheckAnswer(option, now) is { } refusal)
        {
            throw new HubException(refusal.Title);
        }

        var userId = Context.User!.GetUserId();
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT IGNORE INTO quiz_answers (quiz_id, user_id, session_id, `option`, correct, answer_ms, answered_at)
            VALUES ({quizId.ToString()}, {userId.ToString()}, {sessionId.ToString()}, {option}, {option == quiz.CorrectOption},
                    {(int)(now - quiz.OpenedAt!.Value).TotalMilliseconds}, {now.UtcDateTime})
            """, Context.ConnectionAborted);
        if (inserted == 0)
        {
            throw new HubException("You have already answered this quiz.");
        }
        await quizzes.TallyAsync(quiz, Context.ConnectionAborted);
    }

    /// <summary>Sent every 15 s while watching: extends the caller's presence interval (see <see cref="PresenceInterval"/>).</summary>
    public async Task Heartbeat()
    {
        var (sessionId, _) = Joined();
        await PresenceInterval.RecordAsync(db, sessionId, Context.User!.GetUserId(), clock.GetUtcNow(), Context.ConnectionAborted);
    }

    public async Task SendChat(string text)
    {
        var (sessionId, _) = Joined();
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new HubException("A message needs some text.");
        }
        if (trimmed.Length > ChatMessage.MaxLength)
        {
            throw new HubException($"A message is at most {ChatMessage.MaxLength} characters.");
        }
        var userId = Context.User!.GetUserId();
        if (!limiter.TryTake(userId))
        {
            throw new HubException($"Too many messages: at most {ChatRateLimiter.Messages} in {ChatRateLimiter.Window.TotalSeconds:0} seconds.");
        }

        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.Name).SingleOrDefaultAsync(Context.ConnectionAborted)
            ?? Context.User!.Identity?.Name ?? string.Empty;
        var message = new ChatMessage
        {
            Id = Guid.CreateVersion7(), SessionId = sessionId, UserId = userId, Name = name, Text = trimmed, SentAt = clock.GetUtcNow(),
        };
        db.ChatMessages.Add(message);
        await db.SaveChangesAsync(Context.ConnectionAborted);
        await Clients.Group(Everyone(sessionId)).SendAsync("chat", message.ToView());
    }

    public async Task DeleteChat(Guid messageId)
    {
        var sessionId = JoinedManager();
        var message = await db.ChatMessages.SingleOrDefaultAsync(m => m.Id == messageId && m.SessionId == sessionId, Context.ConnectionAborted)
            ?? throw new HubException("The message does not exist.");
        if (message.DeletedBy is null)
        {
            message.DeletedBy = Context.User!.GetUserId();
            await db.SaveChangesAsync(Context.ConnectionAborted);
        }
        await Clients.Group(Everyone(sessionId)).SendAsync("chatDeleted", new ChatDeletedView(messageId));
    }

    private (Guid SessionId, LiveRole Role) Joined() =>
        Context.Items.TryGetValue(SessionKey, out var session) && session is Guid id && Context.Items[RoleKey] is LiveRole role
            ? (id, role)
            : throw new HubException("Join a session first.");

    private Guid JoinedManager()
    {
        var (sessionId, role) = Joined();
        return role == LiveRole.Manager ? sessionId : throw new HubException("Only the institution's managers do this.");
    }
}
