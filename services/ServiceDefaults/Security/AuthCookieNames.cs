namespace Lms.ServiceDefaults.Security;

/// <summary>Cookies that carry the tokens for browsers; every service accepts the access cookie as a bearer token.</summary>
public static class AuthCookieNames
{
    public const string AccessToken = "lms_access";
    public const string RefreshToken = "lms_refresh";
}
