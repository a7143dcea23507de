using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Lms.Live.Classroom;

/// <summary>What a hub call costs: each is at least one database write, and the gateway's HTTP limits never see hub frames.</summary>
public sealed record HubLimit(string Kind, int PerConnection, int PerUser, TimeSpan Window, string Refusal);

/// <summary>
/// Bounds joins, heartbeats and chat per connection (kept on the connection, gone with it) and per person across every
/// live instance (fixed windows counted in Redis when <c>Live:Redis</c> is set, expiring on their own; otherwise in
/// this instance's memory cache, evicted when idle). If Redis cannot be reached the person's limit is counted locally
/// rather than refusing the classroom.
/// </summary>
public sealed partial class ClassroomThrottle(
    IConfiguration configuration, IOptions<ClassroomOptions> options, IMemoryCache memory, TimeProvider clock, ILogger<ClassroomThrottle> logger)
{
    public const int ChatMessages = 5;

    public static readonly TimeSpan ChatWindow = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public HubLimit Join { get; } = new("join", options.Value.JoinsPerMinute, options.Value.JoinsPerMinutePerPerson, Minute,
        "Too many joins: wait a minute before joining again.");

    public HubLimit Heartbeat { get; } = new("heartbeat", options.Value.HeartbeatsPerMinute, options.Value.HeartbeatsPerMinutePerPerson, Minute,
        "Too many heartbeats: one every 15 seconds is enough.");

    // A quiz takes one answer per learner; repeats are refused anyway, but each costs database work.
    public HubLimit Answer { get; } = new("answer", 10, 20, TimeSpan.FromSeconds(10), "Too many answers: wait a moment.");

    public HubLimit Moderation { get; } = new("moderation", 30, 60, TimeSpan.FromSeconds(10), "Too many deletions at once: wait a moment.");

    public HubLimit Chat { get; } = new("chat", ChatMessages, ChatMessages, ChatWindow,
        $"Too many messages: at most {ChatMessages} in {ChatWindow.TotalSeconds:0} seconds.");

    private readonly Lazy<Task<IConnectionMultiplexer?>> redis = new(() => ConnectAsync(configuration["Live:Redis"]));

    private readonly string prefix = (configuration["Live:RedisChannelPrefix"] ?? "lms-live") + ":throttle:";

    /// <summary>Counts the call and answers true, or answers false when the connection or the person is over the limit.</summary>
    public async Task<bool> TryTakeAsync(HubLimit limit, Guid userId, IDictionary<object, object?> connectionItems)
    {
        var now = clock.GetUtcNow();
        if (!TakeOnConnection(limit, connectionItems, now))
        {
            return false;
        }
        var window = now.ToUnixTimeMilliseconds() / (long)limit.Window.TotalMilliseconds;
        var key = $"{prefix}{limit.Kind}:{userId:N}:{window}";
        return await CountAsync(key, limit.Window) <= limit.PerUser;
    }

    private static bool TakeOnConnection(HubLimit limit, IDictionary<object, object?> items, DateTimeOffset now)
    {
        var times = (Queue<DateTimeOffset>)(items.TryGetValue(limit, out var existing) && existing is Queue<DateTimeOffset> queue
            ? queue
            : items[limit] = new Queue<DateTimeOffset>());
        lock (times)
        {
            while (times.Count > 0 && now - times.Peek() >= limit.Window)
            {
                times.Dequeue();
            }
            if (times.Count >= limit.PerConnection)
            {
                return false;
            }
            times.Enqueue(now);
            return true;
        }
    }

    private async Task<long> CountAsync(string key, TimeSpan window)
    {
        if (await redis.Value is { IsConnected: true } connection)
        {
            try
            {
                var database = connection.GetDatabase();
                var count = await database.StringIncrementAsync(key);
                if (count == 1)
                {
                    await database.KeyExpireAsync(key, window * 2);
                }
                return count;
            }
            catch (RedisException ex)
            {
                LogRedisFailed(logger, ex);
            }
        }
        var counter = memory.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = window * 2;
            return new Counter();
        })!;
        return Interlocked.Increment(ref counter.Value);
    }

    private static async Task<IConnectionMultiplexer?> ConnectAsync(string? configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration))
        {
            return null;
        }
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    private sealed class Counter
    {
        public long Value;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not count a classroom call; counting it on this instance")]
    private static partial void LogRedisFailed(ILogger logger, Exception exception);
}
