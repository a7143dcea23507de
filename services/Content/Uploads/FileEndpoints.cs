using System.Security.Claims;
using Lms.Content.Access;
using Lms.Content.Data;
using Lms.Content.Storage;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Lms.ServiceDefaults.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Content.Uploads;

public sealed record FileView(Guid Id, string FileName, long Size, string ContentType, int? DurationSeconds, string State);

public sealed record PlaybackUrl(string Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Reading stored files: only managers of the owning institution, or learners whose enrollment opens a course whose
/// structure shows the file (<see cref="CourseAccess"/>: ACTIVE, or COMPLETED and still theirs, until the provision's end
/// date). Everyone else finds nothing (404); the bucket itself stays private.
/// </summary>
public static class FileEndpoints
{
    private static readonly TimeSpan PlaybackLifetime = TimeSpan.FromMinutes(5);

    public static RouteGroupBuilder MapFileEndpoints(this RouteGroupBuilder api)
    {
        var files = api.MapGroup("/files").RequireAuthorization().WithTags("Files");
        files.MapGet("/{id:guid}", GetAsync).WithSummary("A file's name, size, type and duration");
        files.MapGet("/{id:guid}/url", UrlAsync).WithSummary("A presigned URL to play or download the file, valid five minutes");
        return api;
    }

    internal static async Task<Results<Ok<FileView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, ContentDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await EntitledFileAsync(db, caller.GetUserId(), id, KoreaTime.Today(clock), cancellationToken) is { } file
            ? TypedResults.Ok(new FileView(file.Id, file.FileName, file.Size, file.ContentType, file.DurationSeconds, "READY"))
            : Problems.NotFound("The file does not exist.");

    internal static async Task<Results<Ok<PlaybackUrl>, ProblemHttpResult>> UrlAsync(
        Guid id, ClaimsPrincipal caller, ContentDbContext db, ObjectStorage storage, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await EntitledFileAsync(db, caller.GetUserId(), id, KoreaTime.Today(clock), cancellationToken) is not { } file)
        {
            return Problems.NotFound("The file does not exist.");
        }

        return TypedResults.Ok(new PlaybackUrl(await storage.DownloadUrlAsync(file.StorageKey, PlaybackLifetime, file.ContentType), clock.GetUtcNow() + PlaybackLifetime));
    }

    private static async Task<StoredFile?> EntitledFileAsync(ContentDbContext db, Guid userId, Guid fileId, DateOnly today, CancellationToken cancellationToken)
    {
        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        if (file is null)
        {
            return null;
        }

        // A teach-back recording (no institution) is its uploader's alone.
        if (file.InstitutionId == Guid.Empty)
        {
            return file.UploaderId == userId ? file : null;
        }

        var manages = await db.Managers.AnyAsync(m => m.InstitutionId == file.InstitutionId && m.UserId == userId && m.Active, cancellationToken);
        var learns = manages || await (
            from enrollment in db.Enrollments.Where(CourseAccess.Opens(today))
            join courseFile in db.CourseFiles on enrollment.CourseId equals courseFile.CourseId
            where enrollment.UserId == userId && courseFile.FileId == fileId
            select enrollment).AnyAsync(cancellationToken);
        return manages || learns ? file : null;
    }
}
