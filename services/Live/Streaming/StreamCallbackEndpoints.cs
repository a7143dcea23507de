using System.Security.Cryptography;
using System.Text;
using Lms.Live.Attendance;
using Lms.Live.Classroom;
using Lms.Live.Data;
using Lms.Live.Recordings;
using Lms.Live.Sessions;
using Lms.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lms.Live.Streaming;

/// <summary>
/// What nginx asks the live service: nginx-rtmp's <c>on_publish</c>, <c>on_publish_done</c> and <c>on_record_done</c>
/// callbacks, and the HTTP server's playback check (<c>auth_request</c>) before each playlist. They carry no user token
/// (nginx makes them), so they answer only on the internal listener (<see cref="InternalListener"/>; 404 on the public
/// port the gateway proxies) and only with the installation's shared secret: in the callback URL's query for
/// nginx-rtmp, which cannot send headers (nginx logs at a level that never prints those URLs), or in the
/// <c>X-Lms-Stream-Secret</c> header for the HTTP server.
/// </summary>
public static partial class StreamCallbackEndpoints
{
    public static RouteGroupBuilder MapStreamCallbackEndpoints(this RouteGroupBuilder api)
    {
        var streams = api.MapGroup("/streams").AllowAnonymous().WithTags("Streaming callbacks").ExcludeFromDescription().InternalOnly();
        streams.MapPost("/on-publish", OnPublishAsync)
            .WithSummary("nginx-rtmp asks whether a stream key may publish: 302 to the public stream name, 403 unknown or old key, 409 wrong state");
        streams.MapPost("/on-relay", OnRelayAsync)
            .WithSummary("nginx-rtmp asks whether a publish to its \"hls\" application is its own relay of a LIVE session: 204 or 403");
        streams.MapPost("/on-publish-done", OnPublishDoneAsync).WithSummary("nginx-rtmp reports a stream stopped: the LIVE session ends");
        streams.MapPost("/on-record-done", OnRecordDoneAsync)
            .WithSummary("nginx-rtmp finished a session's recording: it is remuxed to MP4 and handed to the content service");
        streams.MapGet("/playback", PlaybackCheck.CheckAsync)
            .WithSummary("nginx asks before serving a playlist whether this viewer may still watch this stream: 204 or 403");
        return api;
    }

    internal static async Task<Results<RedirectHttpResult, ProblemHttpResult>> OnPublishAsync(
        HttpRequest request, LiveDbContext db, TimeProvider clock, IOptions<StreamingOptions> options, ClassroomNotifier classroom,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(StreamCallbackEndpoints));
        if (!Authentic(request, options.Value.Local.CallbackSecret))
        {
            return NotNginx();
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var key = form["name"].ToString();
        var session = key.Length == 0 ? null : await db.Sessions.SingleOrDefaultAsync(s => s.StreamKey == key, cancellationToken);
        if (session is null)
        {
            // Never log the key itself: it is a secret, and an old one may differ from the current by little.
            LogRefusedKey(logger, form["addr"].ToString());
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The stream key is not valid.",
                type: Problems.TypeBase + "stream-key");
        }

        if (session.Start(clock.GetUtcNow()) is { } refusal)
        {
            LogRefusedState(logger, session.Id, session.State);
            return Problems.Conflict(refusal.Type, refusal.Title);
        }
        if (await db.SaveOrConflictAsync("session-conflict", "The session changed meanwhile.", cancellationToken) is { } conflict)
        {
            return conflict;
        }

        LogStarted(logger, session.Id);
        await classroom.SessionStateAsync(session, cancellationToken);
        // nginx-rtmp renames the stream to the Location for what runs after this callback (the push to the "hls"
        // application, recording), so HLS files are named after the session, not the key.
        return TypedResults.Redirect(session.ChannelId);
    }

    /// <summary>
    /// Only the "live" application's push may publish to "hls" (whose publish_done ends the session and whose recording
    /// becomes the session's): the push names the installation's secret as its page URL, which nginx forwards here, and
    /// the stream must be a LIVE session's public name. Anyone else publishing there, even from this machine, is
    /// refused before anything records or ends.
    /// </summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> OnRelayAsync(
        HttpRequest request, LiveDbContext db, IOptions<StreamingOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var secret = options.Value.Local.CallbackSecret;
        if (!Authentic(request, secret))
        {
            return NotNginx();
        }
        var form = await request.ReadFormAsync(cancellationToken);
        var relayed = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(form["pageurl"].ToString()), Encoding.UTF8.GetBytes(secret));
        var name = form["name"].ToString();
        if (!relayed || name.Length == 0 ||
            !await db.Sessions.AnyAsync(s => s.ChannelId == name && s.State == SessionStates.Live, cancellationToken))
        {
            LogRefusedRelay(loggers.CreateLogger(typeof(StreamCallbackEndpoints)), form["addr"].ToString());
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the ingest's own relay publishes here.",
                type: Problems.TypeBase + "stream-relay");
        }
        return TypedResults.NoContent();
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> OnPublishDoneAsync(
        HttpRequest request, LiveDbContext db, TimeProvider clock, IOptions<StreamingOptions> options, IOptions<AttendanceOptions> attendance,
        ClassroomNotifier classroom, HlsPlaylistCloser playlists, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(StreamCallbackEndpoints));
        if (!Authentic(request, options.Value.Local.CallbackSecret))
        {
            return NotNginx();
        }

        // nginx.conf sends this from the "hls" application, fed under the public name; the key is accepted too, for a
        // configuration that calls it from the publishing application (nginx-rtmp reports the original name there).
        var name = (await request.ReadFormAsync(cancellationToken))["name"].ToString();
        var session = name.Length == 0 ? null
            : await db.Sessions.SingleOrDefaultAsync(s => s.ChannelId == name || s.StreamKey == name, cancellationToken);
        if (session is null)
        {
            return Problems.NotFound("No session streams under that name.");
        }

        // The stream stopped (the encoder, or the publisher dropped when a manager ended the session): its list ends here.
        playlists.Close(session.ChannelId);

        // Already ended by the instructor, or never started: nothing more to do, and nginx ignores the answer anyway.
        var now = clock.GetUtcNow();
        if (session.End(now) is null)
        {
            await AttendanceRecorder.RecordAsync(db, session, attendance.Value.AttendanceThreshold, now, cancellationToken);
            if (await db.SaveOrConflictAsync("session-conflict", "The session changed meanwhile.", cancellationToken) is { } conflict)
            {
                return conflict;
            }
            LogEnded(logger, session.Id);
            await classroom.SessionStateAsync(session, cancellationToken);
        }
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> OnRecordDoneAsync(
        HttpRequest request, LiveDbContext db, TimeProvider clock, IOptions<StreamingOptions> options, IOptions<RecordingOptions> recordings,
        RecordingProcessor processor, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(StreamCallbackEndpoints));
        if (!Authentic(request, options.Value.Local.CallbackSecret))
        {
            return NotNginx();
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var name = form["name"].ToString();
        // Recorded in the "hls" application, so under the public name.
        var session = name.Length == 0 ? null : await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.ChannelId == name, cancellationToken);
        if (session is null)
        {
            return Problems.NotFound("No session streams under that name.");
        }
        // Only the file nginx recorded for this stream: one session's callback cannot attach another's recording.
        if (RecordingExtensions.RecordedFile(recordings, form["path"].ToString(), session.ChannelId) is not { } path)
        {
            LogRecordingOutside(logger, name);
            return Problems.Invalid("path", "The recording is not this stream's .flv file inside the configured recordings directory.");
        }

        // A session is published once (its key is refused once it is LIVE or ENDED), so it has one recording; a repeated
        // callback changes nothing.
        if (!await db.Recordings.AnyAsync(r => r.SessionId == session.Id, cancellationToken))
        {
            db.Recordings.Add(SessionRecording.Arrived(session.Id, path, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same callback raced itself in: the other one stored it.
                return TypedResults.Accepted((string?)null);
            }
            LogRecordingArrived(logger, session.Id);
        }
        processor.Wake();
        return TypedResults.Accepted((string?)null);
    }

    internal const string SecretHeader = "X-Lms-Stream-Secret";

    internal static bool Authentic(HttpRequest request, string secret)
    {
        var given = request.Headers.TryGetValue(SecretHeader, out var header) ? header.ToString() : request.Query["secret"].ToString();
        return secret.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(secret));
    }

    internal static ProblemHttpResult NotNginx() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the streaming server calls this.",
            type: Problems.TypeBase + "stream-callback");

    [LoggerMessage(Level = LogLevel.Warning, Message = "A publish from {Address} was refused: unknown or replaced stream key")]
    private static partial void LogRefusedKey(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A publish to the HLS application from {Address} was refused: not the ingest's relay of a live session")]
    private static partial void LogRefusedRelay(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A publish to session {SessionId} was refused: the session is {State}")]
    private static partial void LogRefusedState(ILogger logger, Guid sessionId, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} is live")]
    private static partial void LogStarted(ILogger logger, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The recording of session {SessionId} arrived")]
    private static partial void LogRecordingArrived(ILogger logger, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A recording of stream {Name} was ignored: not a .flv file in the recordings directory")]
    private static partial void LogRecordingOutside(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} ended: its stream stopped")]
    private static partial void LogEnded(ILogger logger, Guid sessionId);
}
