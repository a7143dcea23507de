using Lms.Live.Access;
using Lms.Live.Data;
using Lms.Live.Quizzes;
using Lms.Live.Sessions;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Classroom;

/// <summary>
/// The live classroom (<c>/live/hubs/classroom</c>): entitled people join one session, chat, answer quizzes, and
/// (managers) moderate. Each method either completes or throws a <see cref="HubException"/> whose message the client
/// can show. Every call checks again that the caller may be in the session and that it is still open: a person who
/// lost access is removed from its groups and the connection is closed (<see cref="ClassroomAccessSweeper"/> closes
/// listening connections too), and a connection ends when its access token expires.
/// </summary>
[Authorize]
public sealed class ClassroomHub(LiveDbContext db, TimeProvider clock, ClassroomThrottle throttle, ClassroomConnections connections, QuizRoom quizzes,
    ClassroomMetrics metrics)
    : Hub
{
    public const string Path = "/live/hubs/classroom";

    private const string JoinedKey = "joined";

    public static string Everyone(Guid sessionId) => $"session:{sessionId:N}";

    public static string Managers(Guid sessionId) => $"session:{sessionId:N}:managers";

    /// <summary>One person's connections joined to one session: personal events go here, never to a user's other connections.</summary>
    public static string Viewer(Guid sessionId, Guid userId) => $"session:{sessionId:N}:user:{userId:N}";

    public async Task JoinSession(Guid sessionId)
    {
        await ThrottleAsync(throttle.Join);
        var userId = Context.User!.GetUserId();
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, Context.ConnectionAborted);
        var role = session is null ? LiveRole.None : await LiveAccess.RoleAsync(db, session.ProvisionId, userId, Context.ConnectionAborted);
        if (session is null || role == LiveRole.None)
        {
            throw new HubException("The live session does not exist.");
        }

        if (await RevokedAsync(SignIn()))
        {
            throw new HubException(SignInRevoked);
        }

        await LeaveJoinedAsync();
        Context.Items[JoinedKey] = new JoinedConnection(Context.ConnectionId, userId, SignIn(), sessionId, session.ProvisionId, Context);
        connections.Join((JoinedConnection)Context.Items[JoinedKey]!);
        await Groups.AddToGroupAsync(Context.ConnectionId, Everyone(sessionId));
        await Groups.AddToGroupAsync(Context.ConnectionId, Viewer(sessionId, userId));
        if (role == LiveRole.Manager)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, Managers(sessionId));
        }

        var now = clock.GetUtcNow();
        if (IsOpen(session.State))
        {
            await PresenceInterval.RecordAsync(db, sessionId, userId, now, Context.ConnectionAborted);
        }
        await Clients.Caller.SendAsync(ClassroomEvents.SessionState,
            await ClassroomNotifier.ViewAsync(db, session.Id, session.State, session.StartedAt, session.EndedAt, Context.ConnectionAborted));
        var history = await db.ChatMessages.AsNoTracking()
            .Where(m => m.SessionId == sessionId && m.DeletedBy == null)
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).Take(100)
            .ToListAsync(Context.ConnectionAborted);
        foreach (var message in Enumerable.Reverse(history))
        {
            await Clients.Caller.SendAsync(ClassroomEvents.Chat, message.ToView());
        }

        var open = await db.Quizzes.AsNoTracking().Where(q => q.SessionId == sessionId && q.State == QuizStates.Open)
            .SingleOrDefaultAsync(Context.ConnectionAborted);
        if (open is not null && open.EndsAt > now)
        {
            await Clients.Caller.SendAsync(ClassroomEvents.QuizStarted, QuizRoom.Started(open));
        }
    }

    /// <summary>One answer per learner, counted only while the quiz is open by the server's clock; managers see the tally.</summary>
    public async Task AnswerQuiz(Guid quizId, int option)
    {
        await ThrottleAsync(throttle.Answer);
        var (sessionId, role) = await CurrentAsync(whileOpen: true);
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
        metrics.Answered(option == quiz.CorrectOption);
        await quizzes.TallyAsync(quiz, Context.ConnectionAborted);
    }

    /// <summary>Sent every 15 s while watching: extends the caller's presence interval (see <see cref="PresenceInterval"/>).</summary>
    public async Task Heartbeat()
    {
        await ThrottleAsync(throttle.Heartbeat);
        var (sessionId, _) = await CurrentAsync(whileOpen: true);
        await PresenceInterval.RecordAsync(db, sessionId, Context.User!.GetUserId(), clock.GetUtcNow(), Context.ConnectionAborted);
    }

    public async Task SendChat(string text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            metrics.ChatRefused(ClassroomMetrics.Empty);
            throw new HubException("A message needs some text.");
        }
        if (trimmed.Length > ChatMessage.MaxLength)
        {
            metrics.ChatRefused(ClassroomMetrics.TooLong);
            throw new HubException($"A message is at most {ChatMessage.MaxLength} characters.");
        }
        // Counted before any database work, so a flood of refused messages costs nothing.
        if (!await throttle.TryTakeAsync(throttle.Chat, Context.User!.GetUserId(), Context.Items))
        {
            metrics.ChatRefused(ClassroomMetrics.RateLimited);
            throw new HubException(throttle.Chat.Refusal);
        }
        Guid sessionId;
        try
        {
            (sessionId, _) = await CurrentAsync(whileOpen: true);
        }
        catch (HubException)
        {
            metrics.ChatRefused(ClassroomMetrics.NotAllowed);
            throw;
        }
        var userId = Context.User!.GetUserId();

        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.Name).SingleOrDefaultAsync(Context.ConnectionAborted)
            ?? Context.User!.Identity?.Name ?? string.Empty;
        var message = new ChatMessage
        {
            Id = Guid.CreateVersion7(), SessionId = sessionId, UserId = userId, Name = name, Text = trimmed, SentAt = clock.GetUtcNow(),
        };
        db.ChatMessages.Add(message);
        await db.SaveChangesAsync(Context.ConnectionAborted);
        await Clients.Group(Everyone(sessionId)).SendAsync(ClassroomEvents.Chat, message.ToView());
    }

    public async Task DeleteChat(Guid messageId)
    {
        await ThrottleAsync(throttle.Moderation);
        var (sessionId, role) = await CurrentAsync(whileOpen: false);
        if (role != LiveRole.Manager)
        {
            throw new HubException("Only the institution's managers do this.");
        }
        var message = await db.ChatMessages.SingleOrDefaultAsync(m => m.Id == messageId && m.SessionId == sessionId, Context.ConnectionAborted)
            ?? throw new HubException("The message does not exist.");
        if (message.DeletedBy is null)
        {
            message.DeletedBy = Context.User!.GetUserId();
            await db.SaveChangesAsync(Context.ConnectionAborted);
        }
        await Clients.Group(Everyone(sessionId)).SendAsync(ClassroomEvents.ChatDeleted, new ChatDeletedView(messageId));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private const string SignInRevoked = "You were signed out: sign in again.";

    private Guid? SignIn() =>
        Guid.TryParse(Context.User?.FindFirst(Microsoft.IdentityModel.JsonWebTokens.JwtRegisteredClaimNames.Sid)?.Value, out var sid) ? sid : null;

    private async Task<bool> RevokedAsync(Guid? signIn) =>
        signIn is { } sid && await db.RevokedSessions.AnyAsync(r => r.SessionId == sid, Context.ConnectionAborted);

    private async Task ThrottleAsync(HubLimit limit)
    {
        if (!await throttle.TryTakeAsync(limit, Context.User!.GetUserId(), Context.Items))
        {
            throw new HubException(limit.Refusal);
        }
    }

    private static bool IsOpen(string state) => state is SessionStates.Scheduled or SessionStates.Live;

    /// <summary>
    /// The joined session and the caller's role in it now. A caller who lost access leaves the session and is
    /// disconnected; <paramref name="whileOpen"/> refuses once the session has ended or was cancelled.
    /// </summary>
    private async Task<(Guid SessionId, LiveRole Role)> CurrentAsync(bool whileOpen)
    {
        if (!Context.Items.TryGetValue(JoinedKey, out var value) || value is not JoinedConnection joined)
        {
            throw new HubException("Join a session first.");
        }
        var state = await db.Sessions.Where(s => s.Id == joined.SessionId).Select(s => s.State).SingleAsync(Context.ConnectionAborted);
        var role = await LiveAccess.RoleAsync(db, joined.ProvisionId, joined.UserId, Context.ConnectionAborted);
        var revoked = await RevokedAsync(joined.SignIn);
        if (role == LiveRole.None || revoked)
        {
            await LeaveJoinedAsync();
            Context.Abort();
            throw new HubException(revoked ? SignInRevoked : "Your access to this session has ended.");
        }
        if (whileOpen && !IsOpen(state))
        {
            throw new HubException(state == SessionStates.Cancelled ? "The session was cancelled." : "The session has ended.");
        }
        return (joined.SessionId, role);
    }

    private async Task LeaveJoinedAsync()
    {
        if (Context.Items.TryGetValue(JoinedKey, out var value) && value is JoinedConnection previous)
        {
            Context.Items.Remove(JoinedKey);
            connections.Leave(Context.ConnectionId);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, Everyone(previous.SessionId));
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, Managers(previous.SessionId));
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, Viewer(previous.SessionId, previous.UserId));
        }
    }
}
