using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Faults;

[Collection(PlatformGroup.Name)]
public sealed class Holding_a_dead_letter(Platform platform)
{
    [Fact]
    public async Task Readiness_is_degraded_but_still_200_while_the_outbox_holds_a_dead_letter()
    {
        var messageId = Guid.NewGuid();
        const string EmptyPayload = "{}";
        await platform.Identity.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO outbox_dead_letters (original_sequence, message_id, message_type, payload, created_at, dead_lettered_at, attempts, error)
            VALUES (1, {messageId}, 'Lms.Contracts.Identity.Renamed, Lms.Contracts', {EmptyPayload}, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 5,
                    'Outbox message type ''Lms.Contracts.Identity.Renamed, Lms.Contracts'' is not known to this service.')
            """));
        try
        {
            using var response = await platform.Identity.Client.GetAsync("/health/ready");

            // Still ready for traffic: the service works, some of its events wait for an operator.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Degraded", body.GetProperty("status").GetString());
            var outbox = body.GetProperty("checks").GetProperty("outbox");
            Assert.Equal("Degraded", outbox.GetProperty("status").GetString());
            Assert.Contains("./lms dead-letters list identity", outbox.GetProperty("description").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await platform.Identity.WithDbAsync(db => db.OutboxDeadLetters.Where(d => d.MessageId == messageId).ExecuteDeleteAsync());
        }

        // The outbox check alone: other checks (the bus during a broker test running beside this one) may degrade the whole.
        using var after = await platform.Identity.Client.GetAsync("/health/ready");
        var checks = (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("outbox").GetProperty("status").GetString());
    }
}
