using System.Diagnostics;
using System.Net.Http.Json;
using Lms.Testing;
using MySqlConnector;

namespace Lms.EndToEnd.Tests;

public sealed record SignUp(string Email, string Username, string Password, string Name);

/// <summary>The platform that <c>./lms test</c> started: its gateway, its service logs and its databases.</summary>
public static class RunningPlatform
{
    public static readonly string[] ServicesWithUsers = ["institution", "company", "student", "live", "board"];

    public static Uri Gateway { get; } = new(Environment.GetEnvironmentVariable("LMS_GATEWAY")
        ?? throw new InvalidOperationException("LMS_GATEWAY is not set: run the end-to-end tests with `./lms test`."));

    public static string LogDirectory { get; } = Environment.GetEnvironmentVariable("LMS_LOG_DIR")
        ?? throw new InvalidOperationException("LMS_LOG_DIR is not set: run the end-to-end tests with `./lms test`.");

    public static HttpClient NewClient() => new() { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(30) };

    public static SignUp NewSignUp(string name = "박민준")
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        return new SignUp($"e2e.{tag}@example.com", $"e2e_{tag}", "correct horse battery", name);
    }

    /// <summary>Signs up through the gateway inside a trace the test chose, and returns the new user's id.</summary>
    public static async Task<Guid> SignUpAsync(SignUp signUp, ActivityTraceId? trace = null)
    {
        using var client = NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/identity/v1/signup") { Content = JsonContent.Create(signUp) };
        if (trace is { } traceId)
        {
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        }

        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<Created>();
        return created!.UserId;
    }

    /// <summary>The name a service's own user projection holds for <paramref name="userId"/>, or null.</summary>
    public static async Task<string?> UserNameInAsync(string service, Guid userId)
    {
        await using var connection = new MySqlConnection(await TestServers.MariaDbAsync($"lms_{service}", $"lms_{service}"));
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT name FROM users WHERE id = @id", connection);
        command.Parameters.AddWithValue("@id", userId.ToString());
        return (string?)await command.ExecuteScalarAsync();
    }

    public static async Task<bool> LogMentionsAsync(string process, string text)
    {
        var path = Path.Combine(LogDirectory, $"{process}.log");
        if (!File.Exists(path))
        {
            return false;
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return (await reader.ReadToEndAsync()).Contains(text, StringComparison.Ordinal);
    }

    private sealed record Created(Guid UserId);
}
