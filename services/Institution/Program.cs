using Lms.Institution.Data;
using Lms.ServiceDefaults;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Users;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("institution");
builder.AddServiceDatabase<InstitutionDbContext>();
builder.AddServiceBus((bus, service) => bus.AddUserDirectory<InstitutionDbContext>(service));

var app = builder.Build();
app.UseServiceDefaults();
app.Run();
