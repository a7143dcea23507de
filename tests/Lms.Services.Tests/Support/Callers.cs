using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lms.ServiceDefaults.Security;
using Lms.Testing;

namespace Lms.Services.Tests.Support;

/// <summary>An HTTP client of one service acting as one caller (a token minted for any role and organisation).</summary>
public sealed class Caller(HttpClient client, string? token)
{
    public Guid UserId { get; init; }

    /// <summary>The access token this caller sends (for clients that are not HTTP requests, such as a SignalR hub).</summary>
    public string? Token => token;

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<HttpResponseMessage> PutAsync(string path, object body, string? ifMatch = null) => SendAsync(HttpMethod.Put, path, body, ifMatch);

    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await client.SendAsync(request);
    }

    public static Caller Anonymous(HttpClient client) => new(client, null);

    public static Caller As(HttpClient client, string role, Guid? organisationId = null, string? organisationType = null, Guid? userId = null,
        string? email = null)
    {
        var id = userId ?? Guid.CreateVersion7();
        return new Caller(client, TestTokens.Mint(id, [role], organisationId, organisationType, email: email)) { UserId = id };
    }

    public static Caller Visitor(HttpClient client, Guid? userId = null, string? email = null) => As(client, Roles.Visitor, userId: userId, email: email);
}
