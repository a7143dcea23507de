using System.Net;
using System.Text.Json;
using System.Net.Http.Json;
using MySqlConnector;

namespace Lms.EndToEnd.Tests;

/// <summary>
/// The real broker stopped while the identity service is relaying sign-ups and started again: every sign-up reaches every
/// service, no outbox row is counted as failed for the outage, and none is dead-lettered. (The same fault with an exact
/// once-and-in-order count of 600 events: <c>Lms.ServiceDefaults.Tests</c>,
/// <c>Relaying_over_the_real_broker.The_broker_killed_mid_relay_delivers_everything_once_and_in_order_after_it_is_back</c>.)
/// </summary>
[Collection(Outages.Name)]
public sealed class Losing_the_broker_mid_relay
{
    [Fact]
    public async Task Sign_ups_around_a_broker_outage_all_arrive_once_it_is_back_and_none_is_dead_lettered()
    {
        var before = await SignUpAsync(RunningPlatform.NewSignUp("방송전"));
        await ArrivesEverywhereAsync(before);

        // The broker goes down while further sign-ups are stored and relayed.
        var stopping = PlatformControl.BrokerAsync("stop");
        var during = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            during.Add(await SignUpAsync(RunningPlatform.NewSignUp($"정전중{i}")));
        }
        await stopping;
        var whileDown = await SignUpAsync(RunningPlatform.NewSignUp("정전후"));
        await Task.Delay(TimeSpan.FromSeconds(3));
        await PlatformControl.BrokerAsync("start");

        foreach (var userId in during.Append(whileDown))
        {
            await ArrivesEverywhereAsync(userId);
        }

        var identity = await TestServers.MariaDbAsync("lms_identity", "lms_identity");
        await using var connection = new MySqlConnection(identity);
        await connection.OpenAsync();
        foreach (var userId in during.Append(whileDown).Prepend(before))
        {
            await using var row = new MySqlCommand(
                "SELECT attempts, sent_at IS NOT NULL FROM outbox_messages WHERE message_type LIKE 'Lms.Contracts.Identity.UserRegistered,%' AND payload LIKE @id",
                connection);
            row.Parameters.AddWithValue("@id", $"%{userId}%");
            await using var reader = await row.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), $"the outbox row of {userId}");
            // Sent, and only the successful publish counted: the outage was never held against the row.
            Assert.Equal(1, reader.GetInt32(0));
            Assert.True(reader.GetBoolean(1));
        }

        await using var dead = new MySqlCommand("SELECT COUNT(*) FROM outbox_dead_letters", connection);
        Assert.Equal(0L, Convert.ToInt64(await dead.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));

        // The next tests need every service back on the broker.
        using var client = RunningPlatform.NewClient();
        await Eventually.TrueAsync(async () =>
        {
            using var response = await client.GetAsync("/health");
            return response.StatusCode == HttpStatusCode.OK
                && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() == "Healthy";
        }, TimeSpan.FromSeconds(120), "every service is healthy again after the broker came back");
    }

    /// <summary>Signs up through the gateway, waiting out its per-address limit as the 429 says (the suite signs many up).</summary>
    private static async Task<Guid> SignUpAsync(SignUp signUp)
    {
        using var client = RunningPlatform.NewClient();
        for (var attempt = 0; ; attempt++)
        {
            using var response = await client.PostAsJsonAsync("/identity/v1/signup", signUp);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 5)
            {
                await Task.Delay((response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(10)) + TimeSpan.FromMilliseconds(500));
                continue;
            }

            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid();
        }
    }

    private static async Task ArrivesEverywhereAsync(Guid userId)
    {
        foreach (var service in RunningPlatform.ServicesWithUsers)
        {
            await Eventually.TrueAsync(async () => await RunningPlatform.UserNameInAsync(service, userId) is not null,
                TimeSpan.FromSeconds(120), $"{service} knows user {userId}");
        }
    }
}
