using Lms.Identity;
using Lms.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("identity");
builder.AddIdentityService();

var app = builder.Build();
// First, so that everything after it (the sign-in guard above all) sees the client's address, not the gateway's.
app.UseForwardedHeaders();
app.UseServiceDefaults();
app.MapServiceApi().MapIdentityEndpoints();
app.Run();
