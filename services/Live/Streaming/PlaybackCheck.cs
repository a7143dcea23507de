using Lms.Live.Access;
using Lms.Live.Data;
using Lms.Live.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lms.Live.Streaming;

/// <summary>
/// nginx's <c>auth_request</c> before it serves a playlist (segments are covered by the signed path alone): the signed
/// URL names its viewer, and this says whether that viewer may still watch that stream now. So a link stops working
/// within one playlist refresh when its owner loses access (removed from the company, enrollment cancelled, manager
/// removed) or the session ends, not when its signature expires.
/// </summary>
public static class PlaybackCheck
{
    public const string StreamHeader = "X-Hls-Stream";
    public const string ViewerHeader = "X-Hls-Viewer";

    internal static async Task<Results<NoContent, ProblemHttpResult>> CheckAsync(
        HttpRequest request, LiveDbContext db, TimeProvider clock, IOptions<StreamingOptions> options, CancellationToken cancellationToken)
    {
        if (!StreamCallbackEndpoints.Authentic(request, options.Value.Local.CallbackSecret))
        {
            return StreamCallbackEndpoints.NotNginx();
        }
        var stream = request.Headers[StreamHeader].ToString();
        if (!Guid.TryParseExact(request.Headers[ViewerHeader].ToString(), "N", out var viewer) || stream.Length is 0 or > 64)
        {
            return Refused();
        }

        var session = await db.Sessions.AsNoTracking().Where(s => s.ChannelId == stream)
            .Select(s => new { s.ProvisionId, s.State, s.EndedAt }).SingleOrDefaultAsync(cancellationToken);
        if (session is null || !Watchable(session.State, session.EndedAt, clock.GetUtcNow(), options.Value.EndedPlaylistGrace))
        {
            return Refused();
        }
        return await LiveAccess.RoleAsync(db, session.ProvisionId, viewer, cancellationToken) == LiveRole.None ? Refused() : TypedResults.NoContent();
    }

    /// <summary>
    /// LIVE plays; an ENDED session's final playlist (closed by <see cref="HlsPlaylistCloser"/>) stays readable for
    /// <paramref name="endedGrace"/>, so players stop cleanly instead of failing; nothing else plays.
    /// </summary>
    public static bool Watchable(string state, DateTimeOffset? endedAt, DateTimeOffset now, TimeSpan endedGrace) =>
        state == SessionStates.Live || (state == SessionStates.Ended && endedAt is { } ended && now - ended <= endedGrace);

    private static ProblemHttpResult Refused() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This viewer may not watch this stream now.",
            type: Lms.ServiceDefaults.Http.Problems.TypeBase + "playback-refused");
}
