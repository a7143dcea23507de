using System.Security.Claims;

namespace Lms.ServiceDefaults.Security;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The caller's user id, from the validated token's <c>sub</c> — never from the request.</summary>
    public static Guid GetUserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(LmsClaims.Subject), out var id)
            ? id
            : throw new InvalidOperationException("The authenticated principal has no valid 'sub' claim.");

    /// <summary>The caller's organisation id, when the token carries one.</summary>
    public static Guid? GetOrganisationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(LmsClaims.OrganisationId), out var id) ? id : null;
}
