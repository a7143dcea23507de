using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Institution;

[Collection(PlatformGroup.Name)]
public sealed class Managing_managers(Platform platform)
{
    private static string NewEmail() => $"colleague.{Guid.NewGuid():N}"[..22] + "@edu.example";

    /// <summary>A manager invites an address; the person signed in with it accepts with the emailed code.</summary>
    private async Task<(Caller Colleague, HttpResponseMessage Accepted)> InviteAndAcceptAsync(Caller manager, string email, string? acceptAs = null)
    {
        (await manager.PostAsync("/institution/v1/institutions/mine/manager-invitations", new { email })).EnsureSuccessStatusCode();
        var code = await platform.InstitutionMail.InvitationCodeForAsync(email);
        var colleague = Caller.Visitor(platform.Institution.Client, email: acceptAs ?? email);
        return (colleague, await colleague.PostAsync("/institution/v1/institutions/manager-invitations/accept", new { code }));
    }

    [Fact]
    public async Task An_invited_person_who_accepts_becomes_a_manager_and_can_be_removed_again()
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform);

        var invited = await manager.PostAsync("/institution/v1/institutions/mine/manager-invitations", new { email = "nobody-yet@edu.example" });
        var (colleague, accepted) = await InviteAndAcceptAsync(manager, NewEmail());
        var listed = await (await manager.GetAsync("/institution/v1/institutions/mine/managers")).Content.ReadFromJsonAsync<JsonElement>();
        var removed = await manager.DeleteAsync($"/institution/v1/institutions/mine/managers/{colleague.UserId}");

        Assert.Equal(HttpStatusCode.Accepted, invited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains(listed.EnumerateArray(), m => m.GetProperty("userId").GetGuid() == colleague.UserId);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.False(await platform.Institution.WithDbAsync(db => db.Managers.AnyAsync(m => m.UserId == colleague.UserId && m.InstitutionId == institutionId)));
    }

    [Fact]
    public async Task Managers_see_their_invitations_pending_and_accepted_without_codes_and_other_institutions_see_none()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var (_, stranger) = await InstitutionScenarios.RegisterAsync(platform);
        var pending = NewEmail();
        (await manager.PostAsync("/institution/v1/institutions/mine/manager-invitations", new { email = pending })).EnsureSuccessStatusCode();
        var accepting = NewEmail();
        var (_, accepted) = await InviteAndAcceptAsync(manager, accepting);
        accepted.EnsureSuccessStatusCode();

        var listed = await (await manager.GetAsync("/institution/v1/institutions/mine/manager-invitations")).Content.ReadFromJsonAsync<JsonElement>();
        var theirs = await (await stranger.GetAsync("/institution/v1/institutions/mine/manager-invitations")).Content.ReadFromJsonAsync<JsonElement>();

        var states = listed.EnumerateArray().ToDictionary(i => i.GetProperty("email").GetString()!, i => i.GetProperty("state").GetString());
        Assert.Equal("PENDING", states[pending]);
        Assert.Equal("ACCEPTED", states[accepting]);
        Assert.Equal(accepting, listed[0].GetProperty("email").GetString());
        Assert.DoesNotContain(await platform.InstitutionMail.InvitationCodeForAsync(pending), listed.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(theirs.EnumerateArray());
    }

    [Fact]
    public async Task A_withdrawn_invitation_no_longer_lets_anyone_in_and_only_pending_ones_of_ones_own_institution_can_be_withdrawn()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var (_, stranger) = await InstitutionScenarios.RegisterAsync(platform);
        var email = NewEmail();
        (await manager.PostAsync("/institution/v1/institutions/mine/manager-invitations", new { email })).EnsureSuccessStatusCode();
        var code = await platform.InstitutionMail.InvitationCodeForAsync(email);
        var id = (await (await manager.GetAsync("/institution/v1/institutions/mine/manager-invitations")).Content.ReadFromJsonAsync<JsonElement>())[0]
            .GetProperty("id").GetGuid();

        var byStranger = await stranger.DeleteAsync($"/institution/v1/institutions/mine/manager-invitations/{id}");
        var withdrawn = await manager.DeleteAsync($"/institution/v1/institutions/mine/manager-invitations/{id}");
        var again = await manager.DeleteAsync($"/institution/v1/institutions/mine/manager-invitations/{id}");
        var accepted = await Caller.Visitor(platform.Institution.Client, email: email)
            .PostAsync("/institution/v1/institutions/manager-invitations/accept", new { code });

        await byStranger.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
        await accepted.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Nobody_becomes_a_manager_without_accepting()
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var email = NewEmail();

        (await manager.PostAsync("/institution/v1/institutions/mine/manager-invitations", new { email })).EnsureSuccessStatusCode();
        await platform.InstitutionMail.InvitationCodeForAsync(email);

        Assert.Equal(1, await platform.Institution.WithDbAsync(db => db.Managers.CountAsync(m => m.InstitutionId == institutionId)));
        var stored = await platform.Institution.WithDbAsync(db => db.ManagerInvitations.AsNoTracking().SingleAsync(i => i.Email == email));
        Assert.DoesNotContain(await platform.InstitutionMail.InvitationCodeForAsync(email), stored.CodeHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepting_an_invitation_meant_for_another_address_is_404_and_adds_nobody()
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform);

        var (_, accepted) = await InviteAndAcceptAsync(manager, NewEmail(), acceptAs: NewEmail());

        await accepted.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, await platform.Institution.WithDbAsync(db => db.Managers.CountAsync(m => m.InstitutionId == institutionId)));
    }

    [Fact]
    public async Task A_code_works_once()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var email = NewEmail();
        var (_, first) = await InviteAndAcceptAsync(manager, email);
        var code = await platform.InstitutionMail.InvitationCodeForAsync(email);

        var again = await Caller.Visitor(platform.Institution.Client, email: email)
            .PostAsync("/institution/v1/institutions/manager-invitations/accept", new { code });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_last_manager_cannot_be_removed()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);

        var response = await manager.DeleteAsync($"/institution/v1/institutions/mine/managers/{manager.UserId}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("https://lms.example/problems/last-manager", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_removed_manager_is_refused_even_with_a_token_that_still_says_manager()
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var (colleague, accepted) = await InviteAndAcceptAsync(manager, NewEmail());
        accepted.EnsureSuccessStatusCode();
        (await manager.DeleteAsync($"/institution/v1/institutions/mine/managers/{colleague.UserId}")).EnsureSuccessStatusCode();
        var staleToken = Caller.As(platform.Institution.Client, Roles.InstitutionManager, institutionId, "institution", colleague.UserId);

        var response = await staleToken.GetAsync("/institution/v1/institutions/mine");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
