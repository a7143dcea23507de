using Lms.Student.Data;
using Lms.ServiceDefaults;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Users;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("student");
builder.AddServiceDatabase<StudentDbContext>();
builder.AddServiceBus((bus, service) => bus.AddUserDirectory<StudentDbContext>(service));

var app = builder.Build();
app.UseServiceDefaults();
app.Run();
