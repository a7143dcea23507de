using Lms.Identity.Accounts;
using Lms.Identity.Data;
using Lms.ServiceDefaults;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("identity");
builder.AddServiceDatabase<IdentityDbContext>();
builder.AddServiceBus();
builder.Services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapServiceApi().MapAccountEndpoints();
app.Run();
