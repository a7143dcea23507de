namespace Lms.Contracts.Live;

/// <summary>
/// A live session's recording was remuxed to MP4 and stored in the content bucket under <paramref name="ObjectKey"/>.
/// The content service checks it (size, media, measured duration) and registers it as a file of the institution with id
/// <paramref name="FileId"/> (chosen by the live service, so a redelivery registers nothing twice), announcing it with
/// <c>FileReady</c> like any upload; or answers <see cref="LiveRecordingRejected"/>. <paramref name="RecordedBy"/> is the
/// manager who scheduled the session (the file's uploader).
/// </summary>
public sealed record LiveRecordingAvailable(
    Guid FileId,
    Guid SessionId,
    Guid InstitutionId,
    Guid ProvisionId,
    Guid RecordedBy,
    string Title,
    string ObjectKey,
    long Bytes,
    string ContentType,
    DateTimeOffset RecordedAt);

/// <summary>The content service refused a live recording (missing, wrong size, not a readable video); it stored nothing.</summary>
public sealed record LiveRecordingRejected(Guid FileId, Guid SessionId, string Reason, DateTimeOffset RejectedAt);
