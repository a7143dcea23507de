using Lms.Company.Data;
using Lms.ServiceDefaults;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Users;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("company");
builder.AddServiceDatabase<CompanyDbContext>();
builder.AddServiceBus((bus, service) => bus.AddUserDirectory<CompanyDbContext>(service));

var app = builder.Build();
app.UseServiceDefaults();
app.Run();
