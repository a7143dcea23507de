using System.Net.Http.Json;
using System.Text.Json;
using Lms.Identity.Accounts;
using Lms.Identity.Data;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Lms.Services.Tests.Administration;

/// <summary>A real account signed in to the identity service (which trusts only the tokens it issues).</summary>
public sealed record Person(Guid UserId, NewAccount Account, Tokens Tokens, Caller Identity)
{
    /// <summary>The sign-in session the access token names (<c>sid</c>).</summary>
    public Guid SessionId => Guid.Parse(new JsonWebToken(Tokens.AccessToken).GetClaim("sid").Value);
}

public static class AdminScenarios
{
    public const string Reason = "고객센터 요청 #1234: 계정 도용 신고";

    /// <summary>A confirmed account, signed in.</summary>
    public static async Task<Person> SignedInAsync(Platform platform, string name = "김철수")
    {
        var account = NewAccounts.Unique(name);
        var created = await platform.Identity.Client.SignUpConfirmedAsync(platform.Mail, account);
        return await SignInAsync(platform, created.UserId, account);
    }

    /// <summary>A confirmed account given the admin role in identity's own tables (as the demo seed does), then signed in.</summary>
    public static async Task<Person> AdminAsync(Platform platform)
    {
        var account = NewAccounts.Unique("관리자");
        var created = await platform.Identity.Client.SignUpConfirmedAsync(platform.Mail, account);
        await platform.Identity.WithDbAsync(db =>
        {
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = created.UserId, RoleId = PlatformRoles.Admin.Id });
            return db.SaveChangesAsync();
        });
        return await SignInAsync(platform, created.UserId, account);
    }

    /// <summary>
    /// A confirmed account holding <paramref name="role"/>: an organisation role applied as a membership event would
    /// apply it, or the admin role; then signed in, so its token names the role.
    /// </summary>
    public static async Task<Person> WithRoleAsync(Platform platform, string role)
    {
        if (role == Roles.Admin)
        {
            return await AdminAsync(platform);
        }

        var account = NewAccounts.Unique();
        var created = await platform.Identity.Client.SignUpConfirmedAsync(platform.Mail, account);
        if (role != Roles.Visitor)
        {
            var type = role == Roles.InstitutionManager ? OrganisationRole.Institution : OrganisationRole.Company;
            await platform.Identity.WithDbAsync(async db =>
            {
                var user = await db.Users.SingleAsync(u => u.Id == created.UserId);
                var organisationId = Guid.CreateVersion7();
                user.ApplyMembership(organisationId, new OrganisationRole(role, organisationId, type), DateTimeOffset.UtcNow);
                return await db.SaveChangesAsync();
            });
        }
        return await SignInAsync(platform, created.UserId, account);
    }

    /// <summary>The same admin as seen by another service, which trusts the test key: the audit names the real account.</summary>
    public static Caller In(IServiceHost host, Person admin) => Caller.As(host.Client, Roles.Admin, userId: admin.UserId);

    public static Task<HttpResponseMessage> ActAsync(this Caller admin, string path, string reason = Reason) =>
        admin.PostAsync(path, new { reason });

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<Person> SignInAsync(Platform platform, Guid userId, NewAccount account)
    {
        var tokens = await platform.Identity.Client.SignInAsync(account.Username, account.Password);
        return new Person(userId, account, tokens, new Caller(platform.Identity.Client, tokens.AccessToken) { UserId = userId });
    }
}
