namespace Lms.Content.Uploads;

public static class UploadStates
{
    public const string Open = "OPEN";
    public const string Completed = "COMPLETED";
    public const string Aborted = "ABORTED";
}

/// <summary>A reported part: its number and the ETag S3 gave the client for it.</summary>
public sealed record ReportedPart(int PartNumber, [property: System.Text.Json.Serialization.JsonPropertyName("etag")] string ETag);

/// <summary>
/// One upload in progress. The storage key is chosen here, never from the client's file name; the parts the
/// client reports are kept so an interrupted upload can resume without asking S3 (the local S3 server has no
/// ListParts). An open upload expires after a while (<see cref="UploadOptions.AbandonAfter"/>) and is then refused.
/// </summary>
public sealed class UploadSession
{
    private UploadSession()
    {
    }

    public Guid Id { get; private set; }

    public Guid UploaderId { get; private set; }

    public Guid InstitutionId { get; private set; }

    public Guid? CourseId { get; private set; }

    public string Purpose { get; private set; } = string.Empty;

    /// <summary>The name shown to people (Korean names kept as given); it never reaches the storage key.</summary>
    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public long Size { get; private set; }

    public string StorageKey { get; private set; } = string.Empty;

    /// <summary>The S3 multipart upload id, or null when the file goes up in one PUT.</summary>
    public string? MultipartUploadId { get; private set; }

    public long PartSize { get; private set; }

    public int PartCount { get; private set; }

    public List<ReportedPart> Parts { get; private set; } = [];

    public string State { get; private set; } = UploadStates.Open;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Every change bumps it: two reports, or a complete and an abort, saved at once cannot both win.</summary>
    public int Version { get; private set; }

    public static UploadSession Open(Guid uploaderId, Guid institutionId, Guid? courseId, string purpose, string fileName, string contentType,
        long size, string extension, DateTimeOffset now, TimeSpan lifetime)
    {
        var id = Guid.CreateVersion7();
        var single = PartPlan.IsSinglePut(size);
        var partSize = single ? size : PartPlan.PartSize(size);
        var scope = courseId is { } course ? $"courses/{course}" : purpose;
        // A recording belongs to its learner, not to an institution.
        var key = purpose == UploadPurposes.TeachbackAudio
            ? $"{UploadPurposes.TeachbackAudio}/{uploaderId}/{id:N}.{extension}"
            : $"institutions/{institutionId}/{scope}/{id:N}.{extension}";
        return new UploadSession
        {
            Id = id,
            UploaderId = uploaderId,
            InstitutionId = institutionId,
            CourseId = courseId,
            Purpose = purpose,
            FileName = fileName,
            ContentType = contentType,
            Size = size,
            StorageKey = key,
            PartSize = partSize,
            PartCount = single ? 1 : PartPlan.PartCount(size, partSize),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
    }

    public bool IsSinglePut => PartCount == 1 && PartPlan.IsSinglePut(Size);

    public void StartedMultipart(string uploadId) => MultipartUploadId = uploadId;

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    public IEnumerable<int> MissingParts() => Enumerable.Range(1, PartCount).Except(Parts.Select(p => p.PartNumber));

    /// <summary>Records (or corrects) a finished part; false when the number is outside the plan.</summary>
    public bool Report(int partNumber, string etag) => Report([new ReportedPart(partNumber, etag)]);

    /// <summary>
    /// Records (or corrects) finished parts, all or none; false when a number is outside the plan. A later entry for
    /// the same part wins.
    /// </summary>
    public bool Report(IReadOnlyList<ReportedPart> parts)
    {
        if (parts.Any(p => p.PartNumber < 1 || p.PartNumber > PartCount))
        {
            return false;
        }

        var byNumber = Parts.ToDictionary(p => p.PartNumber);
        foreach (var part in parts)
        {
            byNumber[part.PartNumber] = new ReportedPart(part.PartNumber, part.ETag.Trim());
        }

        Parts = [.. byNumber.Values.OrderBy(p => p.PartNumber)];
        Version++;
        return true;
    }

    /// <summary>
    /// The completion list must be every part, once, in order, with the ETags reported: returns what is wrong,
    /// by field, or nothing.
    /// </summary>
    public Dictionary<string, string[]> CheckCompletion(IReadOnlyList<ReportedPart> parts)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (parts.Count != PartCount)
        {
            errors["parts"] = [$"The upload has {PartCount} part(s); {parts.Count} were given."];
        }

        for (var i = 0; i < parts.Count; i++)
        {
            var expected = i + 1;
            if (parts[i].PartNumber != expected)
            {
                errors[$"parts[{i}].partNumber"] = [$"Part {expected} belongs here: parts are listed once each, in order."];
            }
            else if (!IsSinglePut)
            {
                var reported = Parts.SingleOrDefault(p => p.PartNumber == expected);
                if (reported is null)
                {
                    errors[$"parts[{i}]"] = ["This part was never reported as finished."];
                }
                else if (!SameETag(reported.ETag, parts[i].ETag))
                {
                    errors[$"parts[{i}].etag"] = ["This is not the ETag reported for the part."];
                }
            }
        }
        return errors;
    }

    public void Complete()
    {
        State = UploadStates.Completed;
        Version++;
    }

    public void Abort()
    {
        State = UploadStates.Aborted;
        Version++;
    }

    private static bool SameETag(string a, string b) => string.Equals(a.Trim('"'), b.Trim('"'), StringComparison.Ordinal);
}
