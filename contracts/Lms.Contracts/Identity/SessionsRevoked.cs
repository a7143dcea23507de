namespace Lms.Contracts.Identity;

/// <summary>
/// Sessions of one account were revoked (sign-out, a password reset or change, a replayed refresh token, an external
/// login taking over an unconfirmed account). Access tokens name their session in <c>sid</c>; a service that holds a
/// connection open on such a token (the live classroom) closes it instead of waiting for the token to expire.
/// </summary>
public sealed record SessionsRevoked(Guid UserId, IReadOnlyList<Guid> SessionIds, DateTimeOffset RevokedAt);
