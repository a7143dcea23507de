using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace Lms.ServiceDefaults.Http;

/// <summary>
/// The database away (restarting, failing over, unreachable) is not a fault of the request: answer 503 with
/// <c>Retry-After</c> so clients and the load balancer wait and retry, instead of a 500 that says "our bug". That covers
/// a connection the server dropped under a running command (a restart or failover mid-request) as well as one that
/// cannot be opened.
/// </summary>
internal sealed partial class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger)
    : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsDatabaseUnavailable(exception))
        {
            return false;
        }

        LogUnavailable(logger, exception, context.Request.Method, context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service's database cannot be reached right now. Try again shortly.",
                Type = Problems.TypeBase + "database-unavailable",
            },
        });
    }

    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is RetryLimitExceededException
                || e is MySqlException { IsTransient: true }
                || e is MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost or MySqlErrorCode.ServerShutdown }
                || e is MySqlEndOfStreamException
                || e is MySqlException { InnerException: IOException or System.Net.Sockets.SocketException })
            {
                return true;
            }
        }
        return false;
    }

    [LoggerMessage(LogLevel.Warning, "Database unavailable for {Method} {Path}; answered 503")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, string path);
}
