using System.Security.Claims;
using Lms.Content.Data;
using Lms.Content.Storage;
using Lms.Contracts.Content;
using Lms.Contracts.Teachback;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lms.Content.Uploads;

/// <summary>
/// Uploads straight from the browser to object storage: this service decides the key and the parts, signs the
/// URLs, keeps what was reported, and checks the result; the bytes never pass through it.
/// </summary>
public static class UploadEndpoints
{
    public static RouteGroupBuilder MapUploadEndpoints(this RouteGroupBuilder api)
    {
        // Managers upload for their courses; any signed-in user uploads teach-back recordings (purpose teachback-audio).
        // Every route after the start is the uploader's alone.
        var uploads = api.MapGroup("/uploads").RequireAuthorization().WithTags("Uploads");
        uploads.MapPost("", StartAsync)
            .WithSummary("Start an upload for a course (managers) or a teach-back recording (anyone signed in): presigned part URLs (or one PUT for a small file)")
            .WithDescription("The storage key is chosen here; only a sanitized extension of the file name reaches it. " +
                             "A teach-back recording (purpose teachback-audio, no courseId) is WAV, WebM, MP3, M4A or OGG, at most 50 MiB; " +
                             "its length is measured on completion (at most 10 minutes).");
        uploads.MapGet("/{id:guid}", GetAsync).ProducesProblem(StatusCodes.Status410Gone).WithSummary("Resume: the parts reported so far and fresh URLs for the missing ones");
        uploads.MapPost("/{id:guid}/parts/{partNumber:int}", ReportPartAsync).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone)
            .WithSummary("Record a finished part and its ETag")
            .WithDescription("409 concurrent-change when another report was saved at the same moment: send it again.");
        uploads.MapPost("/{id:guid}/parts", ReportPartsAsync).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone)
            .WithSummary("Record several finished parts at once")
            .WithDescription("`{parts:[{partNumber, etag}]}`: all are recorded or none (400 naming a part outside the plan). " +
                             "Clients report in batches to keep a large upload down to a few requests; a part not yet reported is simply uploaded again on resume.");
        uploads.MapPost("/{id:guid}/complete", CompleteAsync).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Assemble and check the file; it becomes ready for courses")
            .WithDescription("Every part once, in order, with the ETags reported (400 otherwise, or when the storage does not hold the parts as reported). " +
                             "A size other than the declared one is a 422 and the object is deleted; an upload the storage no longer has is a 410. " +
                             "A teach-back recording with no audio stream, or longer than 10 minutes, is a 422 and is deleted.");
        uploads.MapDelete("/{id:guid}", AbortAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Abort the upload: its parts and any stored object are removed");
        return api;
    }

    internal static async Task<Results<Created<UploadResponse>, ValidationProblem, ProblemHttpResult>> StartAsync(
        UploadRequest request, ClaimsPrincipal caller, ContentDbContext db, ObjectStorage storage, IOptions<StorageOptions> options,
        IOptions<UploadOptions> uploadOptions, UploadMetrics metrics, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var recording = request.Purpose == UploadPurposes.TeachbackAudio;
        Guid? institutionId = Guid.Empty;
        if (!recording)
        {
            if (!caller.IsInRole(Roles.InstitutionManager))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: Problems.TypeBase + "forbidden",
                    title: "Only an institution's managers upload course files.");
            }

            institutionId = await db.Courses.Where(c => c.CourseId == request.CourseId).Select(c => (Guid?)c.InstitutionId).SingleOrDefaultAsync(cancellationToken);
            if (institutionId is null ||
                !await db.Managers.AnyAsync(m => m.InstitutionId == institutionId && m.UserId == userId && m.Active, cancellationToken))
            {
                return Problems.NotFound("The course does not exist.");
            }
        }

        var displayName = FileNames.DisplayName(request.FileName);
        if (displayName is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["fileName"] = ["Give the file's name."] });
        }

        var kind = recording
            ? UploadKind.TeachbackAudio.TypesAndExtensions.ContainsKey(request.ContentType.Trim().ToLowerInvariant()) ? UploadKind.TeachbackAudio : null
            : UploadKind.ForContentType(request.ContentType);
        var extension = FileNames.Extension(displayName);
        if (kind is null || extension is null || !kind.AllowsExtension(request.ContentType, extension) ||
            (request.Purpose == UploadPurposes.Cover && kind != UploadKind.Image))
        {
            metrics.Refused(request.Purpose, UploadMetrics.FileType);
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, type: Problems.TypeBase + "file-type",
                title: "This kind of file is not accepted here, or its name's extension does not match its type.");
        }

        if (request.Size > kind.MaxBytes)
        {
            metrics.Refused(request.Purpose, UploadMetrics.TooLarge);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["size"] = [$"A {kind.Name} may be at most {kind.MaxBytes / (1024 * 1024)} MiB."],
            });
        }

        var upload = UploadSession.Open(userId, institutionId.Value, request.CourseId, request.Purpose, displayName,
            request.ContentType.Trim().ToLowerInvariant(), request.Size, extension, clock.GetUtcNow(), uploadOptions.Value.AbandonAfter);
        if (!upload.IsSinglePut)
        {
            upload.StartedMultipart(await storage.StartMultipartAsync(upload.StorageKey, upload.ContentType, cancellationToken));
        }
        db.Uploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        metrics.Started(upload.Purpose);

        var urlsExpire = Earliest(upload.ExpiresAt, clock.GetUtcNow() + options.Value.UploadUrlLifetime);
        var parts = await UrlsAsync(storage, upload, Enumerable.Range(1, upload.PartCount), urlsExpire);
        return TypedResults.Created($"/content/v1/uploads/{upload.Id}",
            new UploadResponse(upload.Id, upload.FileName, upload.PartSize, upload.PartCount, parts, urlsExpire));
    }

    internal static async Task<Results<Ok<UploadStatus>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, ContentDbContext db, ObjectStorage storage, IOptions<StorageOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await MineAsync(db, caller, id, cancellationToken) is not { } upload)
        {
            return UploadNotFound();
        }

        if (upload.State == UploadStates.Open && upload.IsExpired(clock.GetUtcNow()))
        {
            return Expired();
        }

        var urlsExpire = Earliest(upload.ExpiresAt, clock.GetUtcNow() + options.Value.UploadUrlLifetime);
        var missing = upload.State == UploadStates.Open ? await UrlsAsync(storage, upload, upload.MissingParts(), urlsExpire) : [];
        return TypedResults.Ok(new UploadStatus(upload.Id, upload.State, upload.FileName, upload.Size, upload.PartSize, upload.PartCount,
            upload.Parts, missing, urlsExpire));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ReportPartAsync(
        Guid id, int partNumber, PartReport report, ClaimsPrincipal caller, ContentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenUploadAsync(db, caller, id, clock, cancellationToken) is not { } upload)
        {
            return await RefusalAsync(db, caller, id, cancellationToken);
        }

        return await RecordAsync(db, upload, [new ReportedPart(partNumber, report.ETag)], cancellationToken);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ReportPartsAsync(
        Guid id, PartsReport report, ClaimsPrincipal caller, ContentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenUploadAsync(db, caller, id, clock, cancellationToken) is not { } upload)
        {
            return await RefusalAsync(db, caller, id, cancellationToken);
        }

        return await RecordAsync(db, upload, [.. report.Parts!.Select(p => new ReportedPart(p.PartNumber, p.ETag))], cancellationToken);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RecordAsync(
        ContentDbContext db, UploadSession upload, IReadOnlyList<ReportedPart> parts, CancellationToken cancellationToken)
    {
        if (!upload.Report(parts))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: Problems.TypeBase + "part-number",
                title: $"This upload has parts 1 to {upload.PartCount}.");
        }

        return await db.SaveOrConflictAsync("upload-changed", "The upload changed at the same time.", cancellationToken) is { } conflict
            ? conflict
            : TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<FileResponse>, ValidationProblem, ProblemHttpResult>> CompleteAsync(
        Guid id, CompleteRequest request, ClaimsPrincipal caller, ContentDbContext db, ObjectStorage storage, VideoProbe probe,
        UploadMetrics metrics, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenUploadAsync(db, caller, id, clock, cancellationToken) is not { } upload)
        {
            return await RefusalAsync(db, caller, id, cancellationToken);
        }

        var parts = request.Parts!.Select(p => new ReportedPart(p.PartNumber, p.ETag)).ToList();
        var errors = upload.CheckCompletion(parts);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var outcome = upload.IsSinglePut ? MultipartOutcome.Completed : await storage.CompleteMultipartAsync(upload.StorageKey,
            upload.MultipartUploadId!, upload.Parts.Select(p => (p.PartNumber, p.ETag)), cancellationToken);
        if (outcome == MultipartOutcome.PartsRefused)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["parts"] = ["The storage does not hold these parts as reported: upload the parts again, report their ETags and complete."],
            });
        }

        var stored = await storage.DescribeAsync(upload.StorageKey, cancellationToken);
        if (outcome == MultipartOutcome.UploadGone && stored is null)
        {
            // Aborted in the store (the sweeper, another instance): nothing is left to complete.
            upload.Abort();
            return await db.SaveOrConflictAsync("upload-changed", "The upload changed at the same time.", cancellationToken) ?? Gone();
        }

        if (stored is not { } found || found.Size != upload.Size)
        {
            // Nothing half-checked stays behind: the object goes and the upload is over.
            await storage.DeleteAsync(upload.StorageKey, cancellationToken);
            upload.Abort();
            if (await db.SaveOrConflictAsync("upload-changed", "The upload changed at the same time.", cancellationToken) is { } changed)
            {
                return changed;
            }

            metrics.Refused(upload.Purpose, UploadMetrics.SizeMismatch);
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, type: Problems.TypeBase + "size-mismatch",
                title: $"The stored file has {stored?.Size ?? 0} bytes, not the {upload.Size} declared. Upload it again.");
        }

        var recording = upload.Purpose == UploadPurposes.TeachbackAudio;
        var isVideo = upload.ContentType.StartsWith("video/", StringComparison.Ordinal);
        if ((isVideo || recording) && MediaSafety.IsText(await storage.ReadStartAsync(upload.StorageKey, MediaSafety.SniffBytes, cancellationToken)))
        {
            // A playlist or script declared as media: refused before anything reads it.
            await storage.DeleteAsync(upload.StorageKey, cancellationToken);
            upload.Abort();
            if (await db.SaveOrConflictAsync("upload-changed", "The upload changed at the same time.", cancellationToken) is { } changed)
            {
                return changed;
            }

            metrics.Refused(upload.Purpose, UploadMetrics.NotMedia);
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, type: Problems.TypeBase + "not-media",
                title: $"The file is text (a playlist or script?), not the {upload.ContentType} it was declared as.");
        }

        int? duration = isVideo
            ? await probe.DurationSecondsAsync(await storage.DownloadUrlAsync(upload.StorageKey, TimeSpan.FromMinutes(5)), upload.ContentType, cancellationToken)
            : recording
                ? await probe.AudioDurationSecondsAsync(await storage.DownloadUrlAsync(upload.StorageKey, TimeSpan.FromMinutes(5)), upload.ContentType,
                    cancellationToken)
                : null;
        if (recording && (duration is null || duration > UploadKind.MaxTeachbackSeconds))
        {
            // A recording that cannot be transcribed or is over the limit is not kept.
            await storage.DeleteAsync(upload.StorageKey, cancellationToken);
            upload.Abort();
            if (await db.SaveOrConflictAsync("upload-changed", "The upload changed at the same time.", cancellationToken) is { } changed)
            {
                return changed;
            }

            metrics.Refused(upload.Purpose, duration is null ? UploadMetrics.NotAudio : UploadMetrics.RecordingTooLong);
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                type: Problems.TypeBase + (duration is null ? "not-audio" : "recording-too-long"),
                title: duration is null
                    ? "The file holds no audio that can be read. Record it again."
                    : $"The recording is {duration} seconds long; at most {UploadKind.MaxTeachbackSeconds / 60} minutes are accepted.");
        }

        var now = clock.GetUtcNow();
        var file = new StoredFile
        {
            Id = upload.Id, InstitutionId = upload.InstitutionId, CourseId = upload.CourseId, UploaderId = upload.UploaderId,
            FileName = upload.FileName, ContentType = upload.ContentType, Size = found.Size, StorageKey = upload.StorageKey,
            ETag = found.ETag, DurationSeconds = duration, ReadyAt = now,
        };
        upload.Complete();
        db.Files.Add(file);
        if (recording)
        {
            // FileReady says a file may be attached to its institution's courses and names no uploader: a recording is neither.
            db.PublishOnSave(new TeachbackAudioReady(file.Id, file.UploaderId, file.FileName, file.ContentType, file.Size, duration!.Value, file.StorageKey, now));
        }
        else
        {
            db.PublishOnSave(new FileReady(file.Id, file.InstitutionId, file.CourseId, file.FileName, file.ContentType, file.Size, duration, now));
        }
        if (await db.SaveOrConflictAsync("upload-changed", "The upload was completed or aborted at the same time.", cancellationToken) is { } conflict)
        {
            // Completed by the other request, the object is theirs to keep; aborted meanwhile, nothing will ever refer to it.
            if (await db.Uploads.AsNoTracking().Where(u => u.Id == upload.Id).Select(u => u.State).SingleAsync(cancellationToken) != UploadStates.Completed)
            {
                await storage.DeleteAsync(upload.StorageKey, cancellationToken);
            }

            return conflict;
        }

        metrics.Completed(upload.Purpose);
        return TypedResults.Ok(new FileResponse(file.Id, file.FileName, file.Size, file.ContentType, duration));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> AbortAsync(
        Guid id, ClaimsPrincipal caller, ContentDbContext db, ObjectStorage storage, CancellationToken cancellationToken)
    {
        if (await MineAsync(db, caller, id, cancellationToken) is not { } upload)
        {
            return UploadNotFound();
        }

        if (upload.State == UploadStates.Open)
        {
            upload.Abort();
            if (await db.SaveOrConflictAsync("upload-changed", "The upload was completed or changed at the same time.", cancellationToken) is { } conflict)
            {
                return conflict;
            }

            await storage.ForgetAsync(upload.StorageKey, upload.MultipartUploadId, cancellationToken);
        }
        return TypedResults.NoContent();
    }

    // Someone else's upload is indistinguishable from one that does not exist.
    private static Task<UploadSession?> MineAsync(ContentDbContext db, ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        return db.Uploads.SingleOrDefaultAsync(u => u.Id == id && u.UploaderId == userId, cancellationToken);
    }

    private static async Task<UploadSession?> OpenUploadAsync(ContentDbContext db, ClaimsPrincipal caller, Guid id, TimeProvider clock, CancellationToken cancellationToken) =>
        await MineAsync(db, caller, id, cancellationToken) is { State: UploadStates.Open } upload && !upload.IsExpired(clock.GetUtcNow()) ? upload : null;

    private static async Task<ProblemHttpResult> RefusalAsync(ContentDbContext db, ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken) =>
        await MineAsync(db, caller, id, cancellationToken) switch
        {
            null => UploadNotFound(),
            { State: UploadStates.Open } => Expired(),
            var upload => Problems.Conflict("upload-state", $"The upload is {upload.State.ToLowerInvariant()}."),
        };

    private static async Task<IReadOnlyList<PartUrl>> UrlsAsync(ObjectStorage storage, UploadSession upload, IEnumerable<int> partNumbers, DateTimeOffset expiresAt)
    {
        var urls = new List<PartUrl>();
        foreach (var part in partNumbers)
        {
            urls.Add(new PartUrl(part, await storage.PartUrlAsync(upload.StorageKey, upload.MultipartUploadId, part, expiresAt)));
        }
        return urls;
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static ProblemHttpResult UploadNotFound() => Problems.NotFound("The upload does not exist.");

    private static ProblemHttpResult Expired() => TypedResults.Problem(statusCode: StatusCodes.Status410Gone,
        type: Problems.TypeBase + "upload-expired", title: "The upload has expired. Start it again.");

    private static ProblemHttpResult Gone() => TypedResults.Problem(statusCode: StatusCodes.Status410Gone,
        type: Problems.TypeBase + "upload-gone", title: "The storage no longer holds this upload. Start it again.");
}
