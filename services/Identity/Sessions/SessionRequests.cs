using System.ComponentModel.DataAnnotations;

namespace Lms.Identity.Sessions;

public sealed record SignInRequest(
    [property: Required, MaxLength(256)] string Login,
    [property: Required, MaxLength(128)] string Password);

public sealed record RefreshRequest([property: MaxLength(128)] string? RefreshToken);

public sealed record TokenResponse(string AccessToken, int ExpiresIn, string RefreshToken, string TokenType = "Bearer")
{
    public static TokenResponse From(IssuedSession session) => new(session.AccessToken, session.ExpiresIn, session.RefreshToken);
}
