using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Operations;

/// <summary>
/// <c>GET /health/status</c>, what <c>./lms status</c> prints for each service: readiness, the outbox's backlog, dead
/// letters and recent consumer faults, answered only to a caller on the same machine.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Reading_a_service_status(Platform platform)
{
    [Fact]
    public async Task Says_whether_the_service_is_ready_and_what_waits_in_its_outbox()
    {
        var messageId = Guid.NewGuid();
        const string EmptyPayload = "{}";
        await platform.Identity.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO outbox_dead_letters (original_sequence, message_id, message_type, payload, created_at, dead_lettered_at, attempts, error)
            VALUES (1, {messageId}, 'Lms.Contracts.Identity.Renamed, Lms.Contracts', {EmptyPayload}, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 5, 'unknown type')
            """));
        try
        {
            var status = await platform.Identity.Client.GetFromJsonAsync<JsonElement>("/health/status");

            Assert.Equal("identity", status.GetProperty("service").GetString());
            Assert.Equal("Degraded", status.GetProperty("ready").GetString());
            var outbox = status.GetProperty("outbox");
            Assert.True(outbox.GetProperty("deadLetters").GetInt64() >= 1);
            Assert.True(outbox.GetProperty("pending").GetInt64() >= 0);
            Assert.True(outbox.GetProperty("oldestPendingSeconds").GetInt64() >= 0);
            Assert.Equal(5, status.GetProperty("consumerFaults").GetProperty("windowMinutes").GetInt32());
            Assert.Equal(JsonValueKind.Number, status.GetProperty("consumerFaults").GetProperty("total").ValueKind);
        }
        finally
        {
            await platform.Identity.WithDbAsync(db => db.OutboxDeadLetters.Where(d => d.MessageId == messageId).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task Is_not_found_from_another_machine()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/status");
        request.Headers.Add(PeerAddress.Header, "203.0.113.9");

        using var response = await platform.Identity.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
