using System.Diagnostics.Metrics;

namespace Lms.Content.Uploads;

/// <summary>
/// Uploads (meter <c>Lms.Content</c>) by <c>lms.upload.purpose</c>: started, completed (the file is ready), and refused by
/// <c>lms.refusal.reason</c> — at the start (file_type, too_large) or at completion, where the stored object is deleted
/// (size_mismatch, not_media, not_audio, recording_too_long).
/// </summary>
public sealed class UploadMetrics
{
    public const string MeterName = "Lms.Content";

    public const string FileType = "file_type";
    public const string TooLarge = "too_large";
    public const string SizeMismatch = "size_mismatch";
    public const string NotMedia = "not_media";
    public const string NotAudio = "not_audio";
    public const string RecordingTooLong = "recording_too_long";

    private readonly Counter<long> _started;
    private readonly Counter<long> _completed;
    private readonly Counter<long> _refused;

    public UploadMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _started = meter.CreateCounter<long>("lms.content.uploads.started", "{upload}", "Uploads opened (URLs handed out)");
        _completed = meter.CreateCounter<long>("lms.content.uploads.completed", "{upload}", "Uploads completed: the file is checked and ready");
        _refused = meter.CreateCounter<long>("lms.content.uploads.refused", "{upload}", "Uploads refused at the start or at completion, by lms.refusal.reason");
    }

    public void Started(string purpose) => _started.Add(1, Purpose(purpose));

    public void Completed(string purpose) => _completed.Add(1, Purpose(purpose));

    public void Refused(string purpose, string reason) =>
        _refused.Add(1, Purpose(purpose), new KeyValuePair<string, object?>("lms.refusal.reason", reason));

    private static KeyValuePair<string, object?> Purpose(string purpose) => new("lms.upload.purpose", purpose);
}
