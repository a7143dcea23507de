using Lms.Live.Data;
using Lms.ServiceDefaults;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Users;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("live");
builder.AddServiceDatabase<LiveDbContext>();
builder.AddServiceBus((bus, service) => bus.AddUserDirectory<LiveDbContext>(service));

var app = builder.Build();
app.UseServiceDefaults();
app.Run();
