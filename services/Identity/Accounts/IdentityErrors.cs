using Microsoft.AspNetCore.Identity;

namespace Lms.Identity.Accounts;

/// <summary>ASP.NET Core Identity's refusals as validation errors keyed by the request field they concern.</summary>
internal static class IdentityErrors
{
    public static Dictionary<string, string[]> ByField(IEnumerable<IdentityError> errors) =>
        errors.GroupBy(e => FieldOf(e.Code)).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());

    private static string FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "password",
        _ when code.Contains("UserName", StringComparison.Ordinal) => "username",
        _ when code.Contains("Email", StringComparison.Ordinal) => "email",
        _ => string.Empty,
    };
}
