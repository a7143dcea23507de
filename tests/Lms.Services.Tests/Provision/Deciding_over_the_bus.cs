using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Contracts.Provisions;
using Lms.Services.Tests.Institution;
using Lms.Services.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Provision;

/// <summary>The institution's decisions reach the company's authoritative record as bus requests with typed outcomes.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Deciding_over_the_bus(Platform platform)
{
    [Fact]
    public async Task An_accepted_provision_reads_back_at_once_with_its_new_state_and_version()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var provisionId = await ProvisionScenarios.RequestAsync(parties);
        await ProvisionScenarios.InstitutionSeesAsync(platform, provisionId, "REQUESTED");

        var accepted = await (await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/accept")).Content.ReadFromJsonAsync<JsonElement>();
        var read = await (await parties.Manager.GetAsync($"/institution/v1/course-provides/{provisionId}")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("ACCEPTED", accepted.GetProperty("state").GetString());
        Assert.Equal(2, accepted.GetProperty("version").GetInt64());
        Assert.Equal("ACCEPTED", read.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_manager_of_another_institution_gets_404_and_nothing_is_decided()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var provisionId = await ProvisionScenarios.RequestAsync(parties);
        await ProvisionScenarios.InstitutionSeesAsync(platform, provisionId, "REQUESTED");
        var (_, otherManager) = await InstitutionScenarios.RegisterAsync(platform);

        var response = await otherManager.PostAsync($"/institution/v1/course-provides/{provisionId}/decline", new { reason = "남의 것" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await platform.Company.WithDbAsync(db => db.AppliedDecisions.AnyAsync(d => d.ProvisionId == provisionId)));
        Assert.Equal("REQUESTED", await platform.Company.WithDbAsync(db => db.Provisions.Where(p => p.Id == provisionId).Select(p => p.State).SingleAsync()));
    }

    [Fact]
    public async Task The_company_service_refuses_a_command_naming_another_institution()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var provisionId = await ProvisionScenarios.RequestAsync(parties);

        var response = await SendAsync(new DecideProvision(Guid.NewGuid(), provisionId, Guid.NewGuid(), Guid.NewGuid(), ProvisionDecisionKinds.Accept, null));

        Assert.True(response.Is(out Response<ProvisionDecisionNotFound>? _));
        Assert.Equal("REQUESTED", await platform.Company.WithDbAsync(db => db.Provisions.Where(p => p.Id == provisionId).Select(p => p.State).SingleAsync()));
    }

    [Fact]
    public async Task The_same_decision_delivered_twice_is_applied_once_and_answered_twice()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var provisionId = await ProvisionScenarios.RequestAsync(parties);
        var command = new DecideProvision(Guid.NewGuid(), provisionId, parties.InstitutionId, parties.Manager.UserId, ProvisionDecisionKinds.Accept, null);

        var first = await SendAsync(command);
        var second = await SendAsync(command with { });

        Assert.True(first.Is(out Response<ProvisionDecisionApplied>? applied));
        Assert.True(second.Is(out Response<ProvisionDecisionApplied>? again));
        Assert.Equal(applied!.Message.Version, again!.Message.Version);
        var stored = await platform.Company.WithDbAsync(db => db.Provisions.AsNoTracking().SingleAsync(p => p.Id == provisionId));
        Assert.Single(stored.History, h => h.To == "ACCEPTED");
    }

    [Fact]
    public async Task With_the_company_service_down_a_decision_is_503_with_retry_after_and_the_retry_applies_once()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var provisionId = await ProvisionScenarios.RequestAsync(parties);
        await ProvisionScenarios.InstitutionSeesAsync(platform, provisionId, "REQUESTED");

        await platform.WithCompanyDownAsync(async () =>
        {
            var whileDown = await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/accept");

            await whileDown.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(whileDown.Headers.RetryAfter);
        });

        var retried = await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/accept");

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var stored = await platform.Company.WithDbAsync(db => db.Provisions.AsNoTracking().SingleAsync(p => p.Id == provisionId));
        Assert.Equal("ACCEPTED", stored.State);
        Assert.Single(stored.History, h => h.To == "ACCEPTED");
    }

    private async Task<Response<ProvisionDecisionApplied, ProvisionDecisionRefused, ProvisionDecisionNotFound>> SendAsync(DecideProvision command)
    {
        await using var scope = platform.Institution.Services.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<IRequestClient<DecideProvision>>();
        return await client.GetResponse<ProvisionDecisionApplied, ProvisionDecisionRefused, ProvisionDecisionNotFound>(command);
    }
}
