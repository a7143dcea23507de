using System.Security.Claims;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Lms.ServiceDefaults.Time;
using Lms.Student.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Certificates;

public sealed record CertificateResponse(
    Guid Id, Guid EnrollmentId, string Serial, string VerificationCode, string HolderName, Guid CourseId, string CourseTitle,
    string InstitutionName, DateTimeOffset IssuedAt);

public sealed record CertificateVerification(string Serial, string HolderName, string CourseTitle, string InstitutionName, DateOnly CompletedOn);

/// <summary>My certificates, and the public check of a certificate by its verification code.</summary>
public static class CertificateEndpoints
{
    private const int MaxCodeLength = 64;

    public static RouteGroupBuilder MapCertificateEndpoints(this RouteGroupBuilder api)
    {
        var certificates = api.MapGroup("/certificates").WithTags("Certificates");
        certificates.MapGet("", ListAsync).RequireAuthorization().WithSummary("My certificates, with their verification codes");
        certificates.MapGet("/verify/{code}", VerifyAsync).AllowAnonymous()
            .WithSummary("Verify a certificate by its code, without signing in")
            .WithDescription("Holder, course, institution and completion date, or 404. Rate-limited per address at the gateway.");
        return api;
    }

    internal static async Task<Ok<IReadOnlyList<CertificateResponse>>> ListAsync(ClaimsPrincipal caller, StudentDbContext db, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        IReadOnlyList<CertificateResponse> mine = await db.Certificates.AsNoTracking().Where(c => c.UserId == userId).OrderByDescending(c => c.IssuedAt)
            .Select(c => new CertificateResponse(c.Id, c.EnrollmentId, c.Serial, c.Code, c.HolderName, c.CourseId, c.CourseTitle, c.InstitutionName, c.IssuedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(mine);
    }

    internal static async Task<Results<Ok<CertificateVerification>, ProblemHttpResult>> VerifyAsync(
        string code, StudentDbContext db, CancellationToken cancellationToken)
    {
        var normalized = code.Trim().ToLowerInvariant();
        var hash = Certificate.HashOf(normalized);
        var certificate = normalized.Length > MaxCodeLength ? null
            : await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.CodeHash == hash, cancellationToken);
        return certificate is not null && certificate.Matches(normalized)
            ? TypedResults.Ok(new CertificateVerification(certificate.Serial, certificate.HolderName, certificate.CourseTitle,
                certificate.InstitutionName, KoreaTime.Today(certificate.IssuedAt)))
            : Problems.NotFound("No certificate has this code.");
    }
}
