using System.Security.Cryptography;
using System.Text;

namespace Lms.Institution.Institutions;

/// <summary>
/// An invitation to become a manager of an institution: a code emailed to one address, usable once, by the signed-in
/// account with that confirmed email, within seven days. Stored only as a hash. Nobody becomes a manager without
/// accepting one.
/// </summary>
public sealed class ManagerInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public const string Pending = "PENDING";
    public const string Accepted = "ACCEPTED";
    public const string Expired = "EXPIRED";

    // No 0/O or 1/I/L: the code is read from an email and typed by hand.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private ManagerInvitation()
    {
    }

    public Guid Id { get; private set; }

    public Guid InstitutionId { get; private set; }

    public string Email { get; private set; } = string.Empty;

    public string CodeHash { get; private set; } = string.Empty;

    public Guid InvitedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public Guid? AcceptedBy { get; private set; }

    public static (ManagerInvitation Invitation, string Code) Issue(Guid institutionId, string email, Guid invitedBy, DateTimeOffset now)
    {
        var code = string.Concat(Enumerable.Range(0, 10).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]));
        return (new ManagerInvitation
        {
            Id = Guid.CreateVersion7(),
            InstitutionId = institutionId,
            Email = email.Trim().ToLowerInvariant(),
            CodeHash = Hash(code),
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        }, code);
    }

    /// <summary>Unused, unexpired, and meant for this address: anything else looks the same to the caller (not found).</summary>
    public bool IsUsableBy(string? email, DateTimeOffset now) =>
        AcceptedAt is null && now < ExpiresAt && string.Equals(Email, email?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>What the inviting managers see: accepted wins over expired (an accepted code's expiry no longer matters).</summary>
    public string StateAt(DateTimeOffset now) => AcceptedAt is not null ? Accepted : now < ExpiresAt ? Pending : Expired;

    public void Accept(Guid userId, DateTimeOffset now)
    {
        AcceptedAt = now;
        AcceptedBy = userId;
    }

    public static string Hash(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant())));
}
