using System.Security.Cryptography;
using System.Text;
using Lms.ServiceDefaults.Time;

namespace Lms.Student.Certificates;

/// <summary>
/// Proof of completion (수료증). The serial number is for people to quote; the verification code is unguessable and is
/// what a third party checks at the public verification endpoint. What it certifies is copied at issue time, so a later
/// rename of the course or the holder does not change an issued certificate.
/// </summary>
public sealed class Certificate
{
    private const string SerialAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private Certificate()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnrollmentId { get; private set; }

    public Guid UserId { get; private set; }

    public string Serial { get; private set; } = string.Empty;

    public string Code { get; private set; } = string.Empty;

    /// <summary>SHA-256 of the code: verification looks the certificate up by it, so lookup timing says nothing about codes.</summary>
    public byte[] CodeHash { get; private set; } = [];

    public string HolderName { get; private set; } = string.Empty;

    public Guid CourseId { get; private set; }

    public string CourseTitle { get; private set; } = string.Empty;

    public string InstitutionName { get; private set; } = string.Empty;

    public DateTimeOffset IssuedAt { get; private set; }

    public static Certificate Issue(Guid enrollmentId, Guid userId, string holderName, Guid courseId, string courseTitle,
        string institutionName, DateTimeOffset now)
    {
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return new Certificate
        {
            Id = Guid.CreateVersion7(),
            EnrollmentId = enrollmentId,
            UserId = userId,
            Serial = $"LMS-{KoreaTime.Today(now):yyyyMMdd}-{RandomNumberGenerator.GetString(SerialAlphabet, 8)}",
            Code = code,
            CodeHash = HashOf(code),
            HolderName = holderName,
            CourseId = courseId,
            CourseTitle = courseTitle,
            InstitutionName = institutionName,
            IssuedAt = now,
        };
    }

    public static byte[] HashOf(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code));

    public bool Matches(string code) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Code), Encoding.UTF8.GetBytes(code));
}
