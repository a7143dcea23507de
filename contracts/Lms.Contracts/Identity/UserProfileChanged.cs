namespace Lms.Contracts.Identity;

/// <summary>A person changed their profile; projections keep the newest by <paramref name="ChangedAt"/>.</summary>
public sealed record UserProfileChanged(
    Guid UserId,
    string Email,
    string Username,
    string Name,
    DateTimeOffset ChangedAt);
