using Lms.ServiceDefaults;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Users;
using Lms.Student.Data;
using Lms.Student.Enrollments;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("student");
builder.AddServiceDatabase<StudentDbContext>();
builder.AddServiceBus((bus, service) =>
{
    bus.AddUserDirectory<StudentDbContext>(service);
    bus.AddConsumer<CourseProvisionChangedConsumer>();
});

var app = builder.Build();
app.UseServiceDefaults();
app.MapServiceApi().MapEnrollmentEndpoints();
app.Run();
