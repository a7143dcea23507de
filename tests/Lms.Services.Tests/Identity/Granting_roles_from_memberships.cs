using System.Net.Http.Json;
using Lms.Contracts.Memberships;
using Lms.Services.Tests.Support;
using Lms.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Lms.Services.Tests.Identity;

[Collection(PlatformGroup.Name)]
public sealed class Granting_roles_from_memberships(Platform platform)
{
    [Fact]
    public async Task The_next_token_after_becoming_an_institution_manager_carries_the_role_and_organisation()
    {
        var account = NewAccounts.Unique();
        var created = await platform.Identity.Client.SignUpConfirmedAsync(platform.Mail, account);
        var tokens = await platform.Identity.Client.SignInAsync(account.Email, account.Password);
        var institutionId = Guid.CreateVersion7();

        await PublishAsync(new InstitutionManagerAdded(institutionId, created.UserId, DateTimeOffset.UtcNow));

        var claims = await NextTokenClaimsAsync(tokens, t => t.Roles.Contains("InstitutionManager"));
        Assert.Equal(["InstitutionManager"], claims.Roles);
        Assert.Equal(institutionId.ToString(), claims.OrganisationId);
        Assert.Equal("institution", claims.OrganisationType);
    }

    [Fact]
    public async Task Leaving_the_company_makes_the_user_a_visitor_again()
    {
        var account = NewAccounts.Unique();
        var created = await platform.Identity.Client.SignUpConfirmedAsync(platform.Mail, account);
        var tokens = await platform.Identity.Client.SignInAsync(account.Email, account.Password);
        var companyId = Guid.CreateVersion7();
        var joinedAt = DateTimeOffset.UtcNow;

        await PublishAsync(new CompanyMemberJoined(companyId, created.UserId, CompanyMemberRoles.Employee, joinedAt));
        var employee = await NextTokenClaimsAsync(tokens, t => t.Roles.Contains("Employee"));
        await PublishAsync(new CompanyMemberLeft(companyId, created.UserId, joinedAt.AddSeconds(1)));
        var visitor = await NextTokenClaimsAsync(employee.Tokens, t => t.Roles.Contains("Visitor"));

        Assert.Equal(["Visitor"], visitor.Roles);
        Assert.Null(visitor.OrganisationId);
    }

    private async Task PublishAsync<T>(T message) where T : class =>
        await platform.Identity.Services.GetRequiredService<IBus>().Publish(message);

    // Refreshes until the token shows the change (the event is consumed asynchronously).
    private async Task<TokenClaims> NextTokenClaimsAsync(Tokens current, Func<TokenClaims, bool> done)
    {
        var tokens = current;
        return await Eventually.GetAsync(async () =>
        {
            var response = await platform.Identity.Client.PostAsJsonAsync("/identity/v1/token/refresh", new { tokens.RefreshToken });
            response.EnsureSuccessStatusCode();
            tokens = (await response.Content.ReadFromJsonAsync<Tokens>())!;
            var jwt = new JsonWebToken(tokens.AccessToken);
            return new TokenClaims(tokens,
                jwt.Claims.Where(c => c.Type == "role").Select(c => c.Value).ToArray(),
                jwt.TryGetClaim("org_id", out var org) ? org.Value : null,
                jwt.TryGetClaim("org_type", out var type) ? type.Value : null);
        }, done, TimeSpan.FromSeconds(30), "a refreshed token reflects the membership");
    }

    private sealed record TokenClaims(Tokens Tokens, string[] Roles, string? OrganisationId, string? OrganisationType);
}
