namespace Lms.Student.Learning;

/// <summary>The time source of learning rules (heartbeats, deadlines, study days), replaceable on its own in tests.</summary>
public static class LearningClock
{
    public const string Key = "learning";
}
