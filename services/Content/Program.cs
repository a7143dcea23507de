using Lms.Content.Data;
using Lms.ServiceDefaults;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("content");
builder.AddServiceDatabase<ContentDbContext>();
builder.AddServiceBus();

var app = builder.Build();
app.UseServiceDefaults();
app.Run();
