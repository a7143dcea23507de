using Lms.Live;
using Lms.Live.Attendance;
using Lms.Live.Broadcasting;
using Lms.Live.Classroom;
using Lms.Live.Quizzes;
using Lms.Live.Recordings;
using Lms.Live.Sessions;
using Lms.Live.Streaming;
using Lms.Live.Streaming.Ivs;
using Lms.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("live");
builder.AddLive();
builder.AddInternalListener();
builder.AddClassroom();
builder.AddRecordings();
builder.AddBrowserBroadcast();

var app = builder.Build();
app.UseServiceDefaults();
// Browser broadcasts arrive over a WebSocket (the hub adds its own; this serves the relay endpoint).
app.UseWebSockets();
app.MapServiceApi().MapSessionEndpoints().MapStreamCallbackEndpoints().MapIvsEventEndpoints().MapQuizEndpoints().MapAttendanceEndpoints()
    .MapBroadcastRelayEndpoints();
// A connection ends when its access token expires: the client reconnects with a fresh one, which a revoked session
// cannot get.
app.MapHub<ClassroomHub>(ClassroomHub.Path, options => options.CloseOnAuthenticationExpiration = true);
app.Run();
