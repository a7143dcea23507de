namespace Lms.ServiceDefaults.Time;

/// <summary>
/// Training days are Korean calendar days (UTC+9, no daylight saving): a provision's dates, the daily study cap and
/// a certificate's date are all counted in them, wherever the servers run.
/// </summary>
public static class KoreaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);

    public static DateOnly Today(TimeProvider clock) => Today(clock.GetUtcNow());
}
