namespace Lms.Student.Learning;

public static class ItemStates
{
    public const string NotStarted = "NOT_STARTED";
    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
}

/// <summary>Training days are Korean calendar days (UTC+9, no daylight saving).</summary>
public static class KoreaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);
}

/// <summary>The time source of learning rules (heartbeats, deadlines, study days), replaceable on its own in tests.</summary>
public static class LearningClock
{
    public const string Key = "learning";
}
