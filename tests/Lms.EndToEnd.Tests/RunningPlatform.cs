using System.Diagnostics;
using System.Net.Http.Json;
using Lms.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
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

    public static Mailbox Mail { get; } = new(Environment.GetEnvironmentVariable("LMS_MAIL_DIR")
        ?? throw new InvalidOperationException("LMS_MAIL_DIR is not set: run the end-to-end tests with `./lms test`."));

    /// <summary>The issuer and audience the local platform's identity service uses (its Development defaults).</summary>
    public const string Issuer = "http://127.0.0.1:8080/identity/v1";
    public const string Audience = "lms";

    /// <summary>
    /// An API client: bearer tokens only, no cookie jar. Several people share one such client in a journey, and a jar
    /// would send the last sign-in's cookie with everyone's requests (which the services rightly refuse cross-site).
    /// </summary>
    public static HttpClient NewClient() =>
        new(new HttpClientHandler { UseCookies = false }) { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The web app's origin, one of the gateway's Cors:AllowedOrigins.</summary>
    public const string WebAppOrigin = "http://localhost:3000";

    /// <summary>A client that keeps cookies and names the page's origin on every request, as a browser on the web app does.</summary>
    public static HttpClient NewBrowser()
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), UseCookies = true })
        {
            BaseAddress = Gateway,
            Timeout = TimeSpan.FromSeconds(30),
        };
        browser.DefaultRequestHeaders.Add("Origin", WebAppOrigin);
        return browser;
    }

    /// <summary>
    /// The identity service's active signing key, read from its database and decrypted as the service does (its
    /// Data Protection key ring, under the local platform's development secret), for forging tokens in tests.
    /// </summary>
    public static async Task<Microsoft.IdentityModel.Tokens.RsaSecurityKey> IdentitySigningKeyAsync()
    {
        var connectionString = await TestServers.MariaDbAsync("lms_identity", "lms_identity");
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        var ring = new List<System.Xml.Linq.XElement>();
        await using (var keys = new MySqlCommand("SELECT xml FROM data_protection_keys ORDER BY id", connection))
        await using (var reader = await keys.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ring.Add(System.Xml.Linq.XElement.Parse(reader.GetString(0)));
            }
        }

        await using var command = new MySqlCommand(
            "SELECT key_id, protected_private_key FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1", connection);
        await using var row = await command.ExecuteReaderAsync();
        await row.ReadAsync();
        var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportFromPem(IdentityProtector(ring).Unprotect(row.GetString(1)));
        return new Microsoft.IdentityModel.Tokens.RsaSecurityKey(rsa) { KeyId = row.GetString(0) };
    }

    private static Microsoft.AspNetCore.DataProtection.IDataProtector IdentityProtector(IReadOnlyCollection<System.Xml.Linq.XElement> ring)
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddSingleton(Lms.Identity.Keys.KeyEncryptionKey.From(Lms.Identity.Keys.KeyProtection.DevelopmentSecret));
        services.AddDataProtection().SetApplicationName("lms-identity").DisableAutomaticKeyGeneration();
        services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(options => options.XmlRepository = new FixedRing(ring));
        return services.BuildServiceProvider().GetDataProtector(Lms.Identity.Keys.SigningKey.ProtectionPurpose);
    }

    private sealed class FixedRing(IReadOnlyCollection<System.Xml.Linq.XElement> ring) : Microsoft.AspNetCore.DataProtection.Repositories.IXmlRepository
    {
        public IReadOnlyCollection<System.Xml.Linq.XElement> GetAllElements() => ring;

        public void StoreElement(System.Xml.Linq.XElement element, string friendlyName) =>
            throw new InvalidOperationException("The tests only read the identity service's key ring.");
    }

    public static SignUp NewSignUp(string name = "박민준")
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        return new SignUp($"e2e.{tag}@example.com", $"e2e_{tag}", "correct horse battery 9", name);
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

    private sealed record Created(Guid UserId);
}
