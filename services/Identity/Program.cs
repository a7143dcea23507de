using Lms.Identity;
using Lms.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("identity");
builder.AddIdentityService();

var app = builder.Build();
app.UseServiceDefaults();
app.MapServiceApi().MapIdentityEndpoints();
app.Run();
