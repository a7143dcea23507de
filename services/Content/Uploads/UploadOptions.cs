namespace Lms.Content.Uploads;

/// <summary>Section <c>Uploads</c>.</summary>
public sealed class UploadOptions
{
    /// <summary>How long an upload stays open: after that it is refused (410) and the sweeper aborts it.</summary>
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
