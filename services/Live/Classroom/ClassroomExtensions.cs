using Lms.ServiceDefaults.Security;

namespace Lms.Live.Classroom;

public static class ClassroomExtensions
{
    /// <summary>
    /// SignalR with the Redis backplane when <c>Live:Redis</c> is set (several live instances serve one session), and
    /// the access token accepted from the <c>access_token</c> query on the hub path only: browsers cannot set headers
    /// on WebSockets. Request logging below Warning stays off for ASP.NET Core, so the query is not logged.
    /// </summary>
    public static WebApplicationBuilder AddClassroom(this WebApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR(options => options.MaximumReceiveMessageSize = 8 * 1024);
        if (builder.Configuration["Live:Redis"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix =
                StackExchange.Redis.RedisChannel.Literal(builder.Configuration["Live:RedisChannelPrefix"] ?? "lms-live"));
        }
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<ClassroomThrottle>();
        builder.Services.AddSingleton<ClassroomConnections>();
        builder.Services.AddSingleton<ClassroomMetrics>();
        builder.Services.AddScoped<ClassroomNotifier>();
        builder.Services.AddOptions<ClassroomOptions>().Bind(builder.Configuration.GetSection(ClassroomOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<ClassroomAccessSweeper>();
        builder.Services.AddScoped<Quizzes.QuizRoom>();
        builder.Services.AddScoped<Quizzes.Leaderboard>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.SignalR.IUserIdProvider, Quizzes.SubjectUserIdProvider>();
        builder.Services.AddHostedService<Quizzes.QuizCloser>();

        builder.Services.AcceptQueryTokensOn(ClassroomHub.Path);
        return builder;
    }
}
