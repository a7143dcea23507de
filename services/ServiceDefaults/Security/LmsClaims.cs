namespace Lms.ServiceDefaults.Security;

/// <summary>Claim names in our access tokens (kept as issued: inbound claim mapping is off).</summary>
public static class LmsClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string Role = "role";
    public const string OrganisationId = "org_id";
    public const string OrganisationType = "org_type";
}
