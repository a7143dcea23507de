using System.Net.WebSockets;
using System.Security.Claims;
using Lms.Live.Data;
using Lms.Live.Sessions;
using Lms.Live.Streaming;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Lms.Live.Broadcasting;

/// <summary>What a browser may send to the relay: the WebM formats it reads, best first, and the largest message.</summary>
public sealed record BroadcastRelayResponse(IReadOnlyList<string> Formats, int MaxMessageBytes);

/// <summary>What the relay endpoint needs besides the request itself.</summary>
public sealed record RelayDependencies(
    LiveDbContext Db, BroadcastRelays Relays, BroadcastGuard Guard, IOptions<StreamingOptions> Streaming, IOptions<BrowserBroadcastOptions> Options,
    IHostApplicationLifetime Lifetime, ILogger<BroadcastRelay> Logger);

/// <summary>
/// Broadcasting from the browser without an encoder (local provider): the manager's page opens a WebSocket and sends
/// MediaRecorder's WebM; the live service relays it with ffmpeg to the RTMP ingest under the session's key, which never
/// reaches the browser, so the session turns LIVE exactly as with OBS. A plain GET runs the same checks and answers what
/// the relay accepts, so a page can say why before it asks for a camera.
/// </summary>
public static partial class BroadcastRelayEndpoints
{
    /// <summary>What ffmpeg reads here, in the order a browser should prefer (VP8 is the cheapest to encode in a browser).</summary>
    public static readonly IReadOnlyList<string> Formats =
        ["video/webm;codecs=vp8,opus", "video/webm;codecs=vp9,opus", "video/webm;codecs=h264,opus", "video/webm"];

    public static RouteGroupBuilder MapBroadcastRelayEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/sessions").RequireAuthorization().WithTags("Live sessions")
            .MapGet("/{id:guid}/broadcast/relay", RelayAsync)
            .WithSummary("Broadcast from the browser (managers, local provider): a WebSocket upgrade relays binary WebM chunks to the ingest; " +
                "a plain GET answers whether it would be accepted now and in which formats")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    internal static async Task<Results<Ok<BroadcastRelayResponse>, EmptyHttpResult, ProblemHttpResult>> RelayAsync(
        Guid id, HttpContext http, ClaimsPrincipal caller, [AsParameters] RelayDependencies deps, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var (session, problem) = await SessionEndpoints.ManagedSessionAsync(deps.Db, id, userId, cancellationToken);
        if (session is null)
        {
            return problem!;
        }
        if (deps.Streaming.Value.Provider != "Local")
        {
            return Problems.Conflict("browser-broadcast-unavailable",
                "Broadcasting from the browser needs the local streaming provider; publish with an encoder and the broadcast settings.");
        }
        if (deps.Relays.IsRunning(id))
        {
            return InProgress();
        }
        if (session.State != SessionStates.Scheduled)
        {
            return Problems.Conflict("session-state", $"A {session.State} session cannot be broadcast.");
        }
        var options = deps.Options.Value;
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Ok(new BroadcastRelayResponse(Formats, options.MaxMessageBytes));
        }

        var place = new RunningRelay();
        if (!deps.Relays.TryClaim(id, place))
        {
            return InProgress();
        }
        try
        {
            using var ffmpeg = RelayProcess.Start(options.Ffmpeg, session.IngestUrl, session.StreamKey, options.VideoKbps);
            if (ffmpeg is null)
            {
                LogNoFfmpeg(deps.Logger, options.Ffmpeg);
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The broadcast relay cannot run here.",
                    type: Problems.TypeBase + "broadcast-relay-unavailable");
            }
            place.ProcessId = ffmpeg.Id;
            using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = TimeSpan.FromSeconds(15) });
            LogStarted(deps.Logger, id, userId);
            var signIn = Guid.TryParse(caller.FindFirstValue(JwtRegisteredClaimNames.Sid), out var sid) ? sid : (Guid?)null;
            var relay = new BroadcastRelay(socket, ffmpeg, new RelayFor(id, userId, signIn), deps.Guard, options, deps.Logger);
            await relay.RunAsync(deps.Lifetime.ApplicationStopping);
            return TypedResults.Empty;
        }
        finally
        {
            deps.Relays.Release(id, place);
        }
    }

    private static ProblemHttpResult InProgress() =>
        Problems.Conflict("broadcast-in-progress", "A browser broadcast of this session is already running.");

    [LoggerMessage(Level = LogLevel.Information, Message = "A browser broadcast of session {SessionId} started by {UserId}")]
    private static partial void LogStarted(ILogger logger, Guid sessionId, Guid userId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The broadcast relay could not start {Ffmpeg}")]
    private static partial void LogNoFfmpeg(ILogger logger, string ffmpeg);
}
