using Lms.Board.Data;
using Lms.ServiceDefaults;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Users;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("board");
builder.AddServiceDatabase<BoardDbContext>();
builder.AddServiceBus((bus, service) => bus.AddUserDirectory<BoardDbContext>(service));

var app = builder.Build();
app.UseServiceDefaults();
app.Run();
