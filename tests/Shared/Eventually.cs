namespace Lms.Testing;

/// <summary>Waits for an eventually consistent outcome (a projection, a relayed event) within a bound.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {within.TotalSeconds:0} s: {what}. Last value: {value}");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }

    public static Task TrueAsync(Func<Task<bool>> probe, TimeSpan within, string what) =>
        GetAsync(probe, ok => ok, within, what);
}
