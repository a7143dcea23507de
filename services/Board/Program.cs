using Lms.Board.Access;
using Lms.Board.Comments;
using Lms.Board.Data;
using Lms.Board.Notifications;
using Lms.Board.Posts;
using Lms.ServiceDefaults;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Email;
using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Users;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("board");
builder.AddServiceDatabase<BoardDbContext>();
builder.AddServiceBus((bus, service) =>
{
    bus.AddUserDirectory<BoardDbContext>(service);
    bus.AddConsumer<ProvisionConsumer>();
    bus.AddConsumer<EnrollmentActivatedConsumer>();
    bus.AddConsumer<EnrollmentCancelledConsumer>();
    bus.AddConsumer<EnrollmentAccessChangedConsumer>();
    bus.AddConsumer<ManagerAddedConsumer>();
    bus.AddConsumer<ManagerRemovedConsumer>();
    bus.AddConsumer<NoticePostedConsumer>();
    bus.AddConsumer<NoticeEmailConsumer>();
    bus.AddConsumer<QuestionAnsweredConsumer>();
});
builder.AddEmail();

var app = builder.Build();
app.UseServiceDefaults();
app.MapServiceApi().MapPostEndpoints().MapCommentEndpoints();
app.Run();
