using System.Collections.Concurrent;

namespace Lms.Live.Classroom;

/// <summary>
/// At most <see cref="Messages"/> chat messages per person in any <see cref="Window"/>, counted per live instance
/// (a person's connection stays on one instance; sticky sessions or the backplane's single instance per connection).
/// </summary>
public sealed class ChatRateLimiter(TimeProvider clock)
{
    public const int Messages = 5;

    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Guid, Queue<DateTimeOffset>> sent = new();

    /// <summary>Counts the message and answers true, or answers false (and counts nothing) when the person is over the limit.</summary>
    public bool TryTake(Guid userId)
    {
        var now = clock.GetUtcNow();
        var times = sent.GetOrAdd(userId, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            while (times.Count > 0 && now - times.Peek() >= Window)
            {
                times.Dequeue();
            }
            if (times.Count >= Messages)
            {
                return false;
            }
            times.Enqueue(now);
            return true;
        }
    }
}
