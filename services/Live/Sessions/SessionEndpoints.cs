using System.Security.Claims;
using Lms.Live.Access;
using Lms.Live.Attendance;
using Lms.Live.Classroom;
using Lms.Live.Data;
using Lms.Live.Recordings;
using Lms.Live.Streaming;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lms.Live.Sessions;

/// <summary>Live sessions of a course provision: scheduling, the instructor's broadcast settings, and viewing.</summary>
public static partial class SessionEndpoints
{
    public static RouteGroupBuilder MapSessionEndpoints(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").RequireAuthorization().WithTags("Live sessions");
        sessions.MapPost("", ScheduleAsync).WithSummary("Schedule a live session for a provision the caller's institution runs (managers)");
        sessions.MapGet("", ListAsync).WithSummary(
            "A provision's sessions, newest first (its institution's managers and active enrollees); without courseProvideId, every session the caller may see");
        sessions.MapGet("/{id:guid}", GetAsync)
            .WithSummary("One session; while LIVE the playback URL is signed for this viewer and short-lived (fetch again before playbackExpiresAt); managers also see its recording");
        sessions.MapPatch("/{id:guid}", EditAsync).WithSummary("Change title or times while the session is SCHEDULED (managers)");
        sessions.MapPost("/{id:guid}/end", EndAsync).WithSummary("End a LIVE session (managers)");
        sessions.MapPost("/{id:guid}/cancel", CancelAsync).WithSummary("Cancel a SCHEDULED session (managers)");
        sessions.MapGet("/{id:guid}/broadcast", BroadcastAsync).WithSummary("Where and with which key to publish (managers)");
        sessions.MapPost("/{id:guid}/broadcast/key", ReplaceKeyAsync)
            .WithSummary("Issue a new stream key (managers); the old key is refused from now on, a running stream carries on");
        return api;
    }

    internal static async Task<Results<Created<SessionResponse>, ProblemHttpResult>> ScheduleAsync(
        ScheduleSessionRequest request, ClaimsPrincipal caller, LiveDbContext db, IStreamingProvider streaming, TimeProvider clock,
        IOptions<StreamingOptions> options, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var provisionId = request.CourseProvideId!.Value;
        var role = await LiveAccess.RoleAsync(db, provisionId, userId, cancellationToken);
        if (role == LiveRole.None)
        {
            return Problems.NotFound("The course provision does not exist.");
        }
        if (role != LiveRole.Manager)
        {
            return ManagersOnly();
        }

        var provision = await db.Provisions.Where(p => p.ProvisionId == provisionId).Select(p => new { p.InstitutionId, p.CourseTitle })
            .SingleAsync(cancellationToken);
        var institutionId = provision.InstitutionId;
        var now = clock.GetUtcNow();
        var session = LiveSession.Schedule(provisionId, institutionId, userId, request.Title, request.ScheduledStart!.Value,
            request.ScheduledEnd!.Value, now);
        try
        {
            session.AttachChannel(await streaming.CreateChannelAsync(session.Id, cancellationToken));
        }
        catch (StreamingUnavailableException ex)
        {
            return StreamingUnavailable(ex);
        }
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/live/v1/sessions/{session.Id}", ToResponse(session, provision.CourseTitle, userId, streaming, options.Value, now));
    }

    internal static async Task<Results<Ok<Paged<SessionResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] SessionQuery query, ClaimsPrincipal caller, LiveDbContext db, IStreamingProvider streaming, TimeProvider clock,
        IOptions<StreamingOptions> options, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        IQueryable<LiveSession> sessions;
        if (query.CourseProvideId is { } provisionId)
        {
            if (await LiveAccess.RoleAsync(db, provisionId, userId, cancellationToken) == LiveRole.None)
            {
                return Problems.NotFound("The course provision does not exist.");
            }
            sessions = db.Sessions.AsNoTracking().Where(s => s.ProvisionId == provisionId);
        }
        else
        {
            // The same rule as LiveAccess, for every provision at once: the institutions managed, the enrollments held.
            var managed = db.Managers.Where(m => m.UserId == userId && m.Active).Select(m => m.InstitutionId);
            var enrolled = db.Enrollments.Where(e => e.UserId == userId && e.Active).Select(e => e.ProvisionId);
            sessions = db.Sessions.AsNoTracking().Where(s => managed.Contains(s.InstitutionId) || enrolled.Contains(s.ProvisionId));
        }

        var total = await sessions.CountAsync(cancellationToken);
        var page = await sessions.OrderByDescending(s => s.ScheduledStart).ThenByDescending(s => s.Id)
            .Skip((query.Page - 1) * query.Size).Take(query.Size).ToListAsync(cancellationToken);
        var provisionIds = page.Select(s => s.ProvisionId).Distinct().ToList();
        var titles = await db.Provisions.Where(p => provisionIds.Contains(p.ProvisionId))
            .ToDictionaryAsync(p => p.ProvisionId, p => p.CourseTitle, cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new Paged<SessionResponse>(
            [.. page.Select(s => ToResponse(s, titles.GetValueOrDefault(s.ProvisionId, string.Empty), userId, streaming, options.Value, now))],
            query.Page, query.Size, total));
    }

    internal static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, LiveDbContext db, IStreamingProvider streaming, TimeProvider clock, IOptions<StreamingOptions> options,
        CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        var role = session is null ? LiveRole.None : await LiveAccess.RoleAsync(db, session.ProvisionId, userId, cancellationToken);
        if (session is null || role == LiveRole.None)
        {
            return SessionNotFound();
        }
        var recording = role == LiveRole.Manager
            ? await db.Recordings.AsNoTracking().Where(r => r.SessionId == id)
                .Select(r => new RecordingView(r.State, r.State == RecordingStates.Ready ? r.FileId : null, r.Failure)).SingleOrDefaultAsync(cancellationToken)
            : null;
        return TypedResults.Ok(ToResponse(session, await CourseTitleAsync(db, session, cancellationToken), userId, streaming, options.Value,
            clock.GetUtcNow()) with { Recording = recording });
    }

    internal static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> EditAsync(
        Guid id, EditSessionRequest request, ClaimsPrincipal caller, LiveDbContext db, IStreamingProvider streaming, TimeProvider clock,
        IOptions<StreamingOptions> options, CancellationToken cancellationToken)
    {
        var (session, problem) = await ManagedSessionAsync(db, id, caller.GetUserId(), cancellationToken);
        if (session is null)
        {
            return problem!;
        }

        var now = clock.GetUtcNow();
        if (session.Edit(request.Title, request.ScheduledStart, request.ScheduledEnd, now) is { } refusal)
        {
            return refusal.Type == "session-times" ? Problems.Invalid("scheduledEnd", refusal.Title) : Refused(refusal);
        }
        return await db.SaveOrConflictAsync("session-conflict", "The session changed meanwhile.", cancellationToken) is { } conflict
            ? conflict
            : TypedResults.Ok(ToResponse(session, await CourseTitleAsync(db, session, cancellationToken), caller.GetUserId(), streaming, options.Value, now));
    }

    internal static Task<Results<Ok<SessionResponse>, ProblemHttpResult>> EndAsync(
        Guid id, ClaimsPrincipal caller, LiveDbContext db, IStreamingProvider streaming, TimeProvider clock, IOptions<StreamingOptions> options,
        IOptions<AttendanceOptions> attendance, ClassroomNotifier classroom, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        MoveAsync(id, caller, db, streaming, clock, options, (s, now) => s.End(now), streaming.StopAsync, classroom, loggers, cancellationToken,
            (s, now) => AttendanceRecorder.RecordAsync(db, s, attendance.Value.AttendanceThreshold, now, cancellationToken));

    internal static Task<Results<Ok<SessionResponse>, ProblemHttpResult>> CancelAsync(
        Guid id, ClaimsPrincipal caller, LiveDbContext db, IStreamingProvider streaming, TimeProvider clock, IOptions<StreamingOptions> options,
        ClassroomNotifier classroom, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        MoveAsync(id, caller, db, streaming, clock, options, (s, now) => s.Cancel(now), streaming.DeleteChannelAsync, classroom, loggers, cancellationToken);

    internal static async Task<Results<Ok<BroadcastResponse>, ProblemHttpResult>> BroadcastAsync(
        Guid id, ClaimsPrincipal caller, LiveDbContext db, CancellationToken cancellationToken)
    {
        var (session, problem) = await ManagedSessionAsync(db, id, caller.GetUserId(), cancellationToken);
        return session is null ? problem! : TypedResults.Ok(new BroadcastResponse(session.IngestUrl, session.StreamKey));
    }

    internal static async Task<Results<Ok<BroadcastResponse>, ProblemHttpResult>> ReplaceKeyAsync(
        Guid id, ClaimsPrincipal caller, LiveDbContext db, IStreamingProvider streaming, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (session, problem) = await ManagedSessionAsync(db, id, caller.GetUserId(), cancellationToken);
        if (session is null)
        {
            return problem!;
        }

        // Checked before the provider is asked, so an ended session's channel is left alone.
        if (!session.CanReplaceKey)
        {
            return Refused(new SessionRefusal("session-state", $"A {session.State} session cannot be given a new key."));
        }
        StreamKeyGrant key;
        try
        {
            key = await streaming.ReplaceKeyAsync(session, cancellationToken);
        }
        catch (StreamingUnavailableException ex)
        {
            return StreamingUnavailable(ex);
        }
        session.ReplaceKey(key, clock.GetUtcNow());
        return await db.SaveOrConflictAsync("session-conflict", "The session changed meanwhile.", cancellationToken) is { } conflict
            ? conflict
            : TypedResults.Ok(new BroadcastResponse(session.IngestUrl, session.StreamKey));
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> MoveAsync(
        Guid id, ClaimsPrincipal caller, LiveDbContext db, IStreamingProvider streaming, TimeProvider clock, IOptions<StreamingOptions> options,
        Func<LiveSession, DateTimeOffset, SessionRefusal?> move, Func<LiveSession, CancellationToken, Task> afterwards, ClassroomNotifier classroom,
        ILoggerFactory loggers, CancellationToken cancellationToken, Func<LiveSession, DateTimeOffset, Task>? alongside = null)
    {
        var (session, problem) = await ManagedSessionAsync(db, id, caller.GetUserId(), cancellationToken);
        if (session is null)
        {
            return problem!;
        }

        var now = clock.GetUtcNow();
        if (move(session, now) is { } refusal)
        {
            return Refused(refusal);
        }
        if (alongside is not null)
        {
            await alongside(session, now);
        }
        if (await db.SaveOrConflictAsync("session-conflict", "The session changed meanwhile.", cancellationToken) is { } conflict)
        {
            return conflict;
        }
        await classroom.SessionStateAsync(session, cancellationToken);
        // After the save: the state is what decides (an ended session's key is refused from now on); the provider call
        // only tidies up its side, and its failure is logged for an operator rather than undoing the move.
        try
        {
            await afterwards(session, cancellationToken);
        }
        catch (StreamingUnavailableException ex)
        {
            LogProviderCleanupFailed(loggers.CreateLogger(typeof(SessionEndpoints)), ex, session.Id);
        }
        return TypedResults.Ok(ToResponse(session, await CourseTitleAsync(db, session, cancellationToken), caller.GetUserId(), streaming,
            options.Value, now));
    }

    /// <summary>The session, tracked, when the caller manages its institution; else a 404 (outsiders) or 403 (its learners).</summary>
    internal static async Task<(LiveSession? Session, ProblemHttpResult? Problem)> ManagedSessionAsync(
        LiveDbContext db, Guid id, Guid userId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        var role = session is null ? LiveRole.None : await LiveAccess.RoleAsync(db, session.ProvisionId, userId, cancellationToken);
        return role switch
        {
            LiveRole.None => (null, SessionNotFound()),
            LiveRole.Enrollee => (null, ManagersOnly()),
            _ => (session, null),
        };
    }

    private static Task<string> CourseTitleAsync(LiveDbContext db, LiveSession session, CancellationToken cancellationToken) =>
        db.Provisions.Where(p => p.ProvisionId == session.ProvisionId).Select(p => p.CourseTitle).SingleAsync(cancellationToken);

    internal static SessionResponse ToResponse(LiveSession session, string courseTitle, Guid viewerId, IStreamingProvider streaming,
        StreamingOptions options, DateTimeOffset now)
    {
        // Only a LIVE session has a stream to play: before the encoder publishes the playlist does not exist yet.
        var watchable = session.State is SessionStates.Live;
        var expires = now.AddMinutes(options.PlaybackTokenMinutes);
        return new SessionResponse(session.Id, session.ProvisionId, courseTitle, session.Title, session.State, session.ScheduledStart, session.ScheduledEnd,
            session.StartedAt, session.EndedAt, watchable ? streaming.PlaybackUrl(session, viewerId, expires) : null, watchable ? expires : null);
    }

    internal static ProblemHttpResult SessionNotFound() => Problems.NotFound("The live session does not exist.");

    internal static ProblemHttpResult ManagersOnly() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the institution's managers do this.",
            type: Problems.TypeBase + "live-managers-only");

    /// <summary>The streaming provider failed; nothing was saved, so the call can simply be repeated.</summary>
    internal static ProblemHttpResult StreamingUnavailable(StreamingUnavailableException ex) =>
        TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status502BadGateway, title: "The streaming service did not answer as expected. Try again.",
            type: Problems.TypeBase + "streaming-unavailable");

    internal static ProblemHttpResult Refused(SessionRefusal refusal) => Problems.Conflict(refusal.Type, refusal.Title);

    [LoggerMessage(Level = LogLevel.Error, Message = "Session {SessionId} moved, but the streaming provider did not stop or delete its channel")]
    private static partial void LogProviderCleanupFailed(ILogger logger, Exception exception, Guid sessionId);
}
