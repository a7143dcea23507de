namespace Lms.Contracts.Identity;

/// <summary>A person signed up. Services that show people's names keep a projection from this.</summary>
public sealed record UserRegistered(
    Guid UserId,
    string Email,
    string Username,
    string Name,
    DateTimeOffset RegisteredAt);
