namespace Lms.Content.Uploads;

/// <summary>What may be uploaded: the MIME types and extensions of each kind of file, and its size cap.</summary>
public sealed record UploadKind(string Name, long MaxBytes, IReadOnlyDictionary<string, string[]> TypesAndExtensions)
{
    private const long MiB = 1024 * 1024;

    public static readonly UploadKind Video = new("video", 20L * 1024 * MiB, new Dictionary<string, string[]>
    {
        ["video/mp4"] = ["mp4", "m4v"], ["video/webm"] = ["webm"], ["video/quicktime"] = ["mov"],
    });

    public static readonly UploadKind Document = new("document", 200 * MiB, new Dictionary<string, string[]>
    {
        ["application/pdf"] = ["pdf"],
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation"] = ["pptx"],
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ["docx"],
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ["xlsx"],
        ["application/x-hwp"] = ["hwp"],
    });

    public static readonly UploadKind Image = new("image", 20 * MiB, new Dictionary<string, string[]>
    {
        ["image/png"] = ["png"], ["image/jpeg"] = ["jpg", "jpeg"], ["image/webp"] = ["webp"],
    });

    public static readonly UploadKind Audio = new("audio", 50 * MiB, new Dictionary<string, string[]>
    {
        ["audio/mpeg"] = ["mp3"], ["audio/mp4"] = ["m4a"], ["audio/wav"] = ["wav"], ["audio/webm"] = ["weba", "webm"],
    });

    /// <summary>
    /// A learner's teach-back recording (<see cref="UploadPurposes.TeachbackAudio"/> only): what browsers and phones record
    /// (WAV, WebM, MP3, M4A, OGG), at most 50 MiB and <see cref="MaxTeachbackSeconds"/> long (measured on completion).
    /// </summary>
    public static readonly UploadKind TeachbackAudio = new("recording", 50 * MiB, new Dictionary<string, string[]>
    {
        ["audio/wav"] = ["wav"], ["audio/x-wav"] = ["wav"], ["audio/wave"] = ["wav"], ["audio/webm"] = ["weba", "webm"],
        ["audio/mpeg"] = ["mp3"], ["audio/mp4"] = ["m4a"], ["audio/x-m4a"] = ["m4a"], ["audio/ogg"] = ["ogg", "oga", "opus"],
    });

    public const int MaxTeachbackSeconds = 600;

    public static readonly IReadOnlyList<UploadKind> All = [Video, Document, Image, Audio];

    public static UploadKind? ForContentType(string contentType) =>
        All.FirstOrDefault(k => k.TypesAndExtensions.ContainsKey(contentType.Trim().ToLowerInvariant()));

    public bool AllowsExtension(string contentType, string extension) =>
        TypesAndExtensions.TryGetValue(contentType.Trim().ToLowerInvariant(), out var extensions) && extensions.Contains(extension);
}

/// <summary>
/// How an object is cut into parts: at least 5 MiB a part (S3's floor), doubled until the object fits in
/// 10,000 parts (S3's ceiling); an object smaller than one part goes up in a single PUT.
/// </summary>
public static class PartPlan
{
    public const long MinPartSize = 5L * 1024 * 1024;
    public const int MaxParts = 10_000;
    public const long MaxObjectSize = 5L * 1024 * 1024 * 1024 * 1024;

    public static long PartSize(long objectSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(objectSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(objectSize, MaxObjectSize);
        var size = MinPartSize;
        while (PartCount(objectSize, size) > MaxParts)
        {
            size *= 2;
        }
        return size;
    }

    public static int PartCount(long objectSize, long partSize) => (int)((objectSize + partSize - 1) / partSize);

    public static bool IsSinglePut(long objectSize) => objectSize < MinPartSize;
}
