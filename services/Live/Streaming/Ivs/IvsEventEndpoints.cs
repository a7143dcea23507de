using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lms.Live.Attendance;
using Lms.Live.Data;
using Lms.Live.Sessions;
using Lms.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lms.Live.Streaming.Ivs;

/// <summary>An EventBridge event as an API destination posts it (the members this service reads).</summary>
public sealed record IvsStateChangeEvent(
    [property: JsonPropertyName("detail-type")] string? DetailType,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("resources")] IReadOnlyList<string>? Resources,
    [property: JsonPropertyName("detail")] IvsStateChangeDetail? Detail);

public sealed record IvsStateChangeDetail([property: JsonPropertyName("event_name")] string? EventName);

/// <summary>
/// IVS stream state from EventBridge: an API destination (connection with API-key authorization) posts each
/// "IVS Stream State Change" event here with <c>X-Api-Key</c>; "Stream Start" makes the channel's session LIVE, "Stream
/// End" ends it. Other events are acknowledged and ignored.
/// </summary>
public static partial class IvsEventEndpoints
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static RouteGroupBuilder MapIvsEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/streams/ivs-events", ReceiveAsync).AllowAnonymous().WithTags("Streaming callbacks").ExcludeFromDescription()
            .WithSummary("EventBridge posts IVS Stream State Change events (authorised by the X-Api-Key header)");
        return api;
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, LiveDbContext db, TimeProvider clock, IOptions<StreamingOptions> options, IOptions<AttendanceOptions> attendance,
        Classroom.ClassroomNotifier classroom, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var expected = options.Value.Ivs.EventsApiKey;
        var given = request.Headers[ApiKeyHeader].ToString();
        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The events key is missing or wrong.",
                type: Problems.TypeBase + "events-key");
        }

        IvsStateChangeEvent? change;
        try
        {
            change = await JsonSerializer.DeserializeAsync<IvsStateChangeEvent>(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            change = null;
        }
        if (change is null || change.Source != "aws.ivs")
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not an IVS event.", type: Problems.TypeBase + "validation");
        }
        if (change.DetailType != "IVS Stream State Change" || change.Resources is not [var channelArn, ..])
        {
            return TypedResults.NoContent();
        }

        var session = await db.Sessions.SingleOrDefaultAsync(s => s.ChannelId == channelArn, cancellationToken);
        if (session is null)
        {
            return Problems.NotFound("No session streams on that channel.");
        }

        var now = clock.GetUtcNow();
        // Redelivered or out-of-order events find the session already moved and change nothing.
        var moved = change.Detail?.EventName switch
        {
            "Stream Start" => session.Start(now) is null,
            "Stream End" => session.End(now) is null,
            _ => false,
        };
        if (moved)
        {
            if (session.State == SessionStates.Ended)
            {
                await AttendanceRecorder.RecordAsync(db, session, attendance.Value.AttendanceThreshold, now, cancellationToken);
            }
            if (await db.SaveOrConflictAsync("session-conflict", "The session changed meanwhile.", cancellationToken) is { } conflict)
            {
                return conflict;
            }
            var logger = loggers.CreateLogger(typeof(IvsEventEndpoints));
            LogMoved(logger, session.Id);
            await classroom.SessionStateAsync(session, cancellationToken);
        }
        return TypedResults.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} moved on an IVS stream state event")]
    private static partial void LogMoved(ILogger logger, Guid sessionId);
}
