using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lms.Services.Tests.Support;

/// <summary>
/// An OAuth 2.0 provider on loopback standing in for Google: the test plays the person's browser, approving
/// a sign-in by registering a code; the identity service then exchanges it here over real HTTP, and must
/// present the client secret and the PKCE verifier that matches the challenge it sent.
/// </summary>
public sealed class FakeOAuthProvider : IAsyncDisposable
{
    public const string ClientId = "test-client";
    public const string ClientSecret = "test-secret";

    private readonly ConcurrentDictionary<string, (string Challenge, string Subject, string Email, string Name)> _codes = new();
    private readonly ConcurrentDictionary<string, (string Subject, string Email, string Name)> _accessTokens = new();
    private WebApplication _app = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<FakeOAuthProvider> StartAsync()
    {
        var provider = new FakeOAuthProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        provider._app = builder.Build();
        provider._app.MapPost("/token", provider.Token);
        provider._app.MapGet("/userinfo", provider.UserInfo);
        await provider._app.StartAsync();
        provider.BaseUrl = provider._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return provider;
    }

    /// <summary>The settings that point the identity service's "google" provider here.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ExternalLogin:ReturnUrl"] = "https://app.test/signed-in",
        ["ExternalLogin:Providers:google:ClientId"] = ClientId,
        ["ExternalLogin:Providers:google:ClientSecret"] = ClientSecret,
        ["ExternalLogin:Providers:google:AuthorizationEndpoint"] = $"{BaseUrl}/authorize",
        ["ExternalLogin:Providers:google:TokenEndpoint"] = $"{BaseUrl}/token",
        ["ExternalLogin:Providers:google:UserInfoEndpoint"] = $"{BaseUrl}/userinfo",
    };

    /// <summary>The person approves the sign-in at the provider; returns the code the browser brings back.</summary>
    public string Approve(string codeChallenge, string subject, string email, string name)
    {
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = (codeChallenge, subject, email, name);
        return code;
    }

    private IResult Token(HttpRequest request)
    {
        var form = request.Form;
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || form["grant_type"] != "authorization_code" ||
            !_codes.TryRemove(form["code"].ToString(), out var approved) ||
            Challenge(form["code_verifier"].ToString()) != approved.Challenge)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var accessToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _accessTokens[accessToken] = (approved.Subject, approved.Email, approved.Name);
        return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 3600 });
    }

    private IResult UserInfo(HttpRequest request)
    {
        var token = request.Headers.Authorization.ToString().Replace("Bearer ", string.Empty, StringComparison.Ordinal);
        return _accessTokens.TryGetValue(token, out var person)
            ? Results.Json(new { sub = person.Subject, email = person.Email, email_verified = true, name = person.Name })
            : Results.Unauthorized();
    }

    private static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
