using System.Security.Cryptography;
using System.Text;

namespace Lms.Company.Invitations;

/// <summary>
/// An invitation to join a company as an employee: a code emailed to one address, usable once, by the account
/// with that email, within seven days. Stored only as a hash.
/// </summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    // No 0/O or 1/I/L: the code is read from an email and typed by hand.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private Invitation()
    {
    }

    public Guid Id { get; private set; }

    public Guid CompanyId { get; private set; }

    public string Email { get; private set; } = string.Empty;

    public string CodeHash { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public Guid? UsedBy { get; private set; }

    public static (Invitation Invitation, string Code) Issue(Guid companyId, string email, DateTimeOffset now)
    {
        var code = string.Concat(Enumerable.Range(0, 10).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]));
        return (new Invitation
        {
            Id = Guid.CreateVersion7(),
            CompanyId = companyId,
            Email = email.Trim().ToLowerInvariant(),
            CodeHash = Hash(code),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        }, code);
    }

    public bool IsUsableBy(string? email, DateTimeOffset now) =>
        UsedAt is null && now < ExpiresAt && string.Equals(Email, email?.Trim(), StringComparison.OrdinalIgnoreCase);

    public void Use(Guid userId, DateTimeOffset now)
    {
        UsedAt = now;
        UsedBy = userId;
    }

    public static string Hash(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant())));
}
