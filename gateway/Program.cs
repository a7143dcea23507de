using Lms.Gateway.Docs;
using Microsoft.AspNetCore.HttpOverrides;
using Lms.Gateway.Health;
using Lms.Gateway.Routing;
using Lms.Gateway.Security;
using Lms.Gateway.Web;
using Lms.ServiceDefaults;
using Lms.ServiceDefaults.Health;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Lms.ServiceDefaults.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddLocalPlatformDefaults();
var service = ServiceInfo.For("gateway", typeof(DownstreamServices).Assembly);
builder.Services.AddSingleton(service);
builder.AddTelemetry(service);
builder.AddRequestBodyLimit(defaultBytes: 10 * 1024 * 1024);
builder.Services.AddServiceHealthChecks();
builder.Services.AddApiProblemDetails();
builder.AddJwtAuthentication();
builder.Services.AcceptHubQueryTokens();

var downstream = DownstreamServices.From(builder.Configuration);
builder.Services.AddSingleton(downstream);
builder.Services.AddReverseProxy().AddServiceRoutes(downstream);
builder.Services.AddGatewayRateLimits(builder.Configuration);
builder.Services.AddSingleton(new AccountRateLimiting(builder.Configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions()));
builder.Services.AddHttpClient(AggregatedHealth.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
    .WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])
    .AllowAnyHeader()
    .AllowAnyMethod()
    .AllowCredentials()
    // A page on another allowed origin reads where a created resource lives and when to try again.
    .WithExposedHeaders("Location", "Retry-After", "Content-Disposition", "ETag")));

// Behind the load balancer the client's address comes from X-Forwarded-For; only the proxies named in
// Gateway:TrustedProxyNetworks (e.g. the VPC's range) are believed. Loopback is trusted by default.
builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    foreach (var network in builder.Configuration.GetSection("Gateway:TrustedProxyNetworks").Get<string[]>() ?? [])
    {
        options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }
});

var app = builder.Build();
app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseWebApp();
app.UseStatusCodePages();
app.UseDeclaredBodySizeLimit();
app.UseCors();
app.UseCrossSiteCookieGuard();
app.UseAuthentication();
app.UseEdgeTokenValidation();
app.UseRateLimiter();
app.Use((context, next) => context.RequestServices.GetRequiredService<AccountRateLimiting>().InvokeAsync(context, next));
app.UseAuthorization();

app.MapServiceHealthChecks();
app.MapAggregatedHealth();
app.MapApiDocs(downstream);
app.MapInternalRoutesAsNotFound();
app.MapReverseProxy(proxy => proxy.ReportOverrunBodies());
app.Run();
