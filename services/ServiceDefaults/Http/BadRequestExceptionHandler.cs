using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Lms.ServiceDefaults.Http;

/// <summary>
/// Unreadable requests (bad JSON, wrong types, oversize or unsupported bodies) become the 4xx that Kestrel
/// and minimal APIs chose for them, as problem details, instead of a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        context.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = badRequest.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                    StatusCodes.Status415UnsupportedMediaType => "The request body's media type is not supported.",
                    _ => "The request could not be read.",
                },
                Detail = Describe(badRequest),
                Type = $"https://httpstatuses.io/{badRequest.StatusCode}",
            },
        });
    }

    // The framework's message names the parameter and the expected type; the inner JSON error says where.
    private static string Describe(BadHttpRequestException exception) =>
        exception.InnerException is System.Text.Json.JsonException json
            ? $"{exception.Message} {json.Message}"
            : exception.Message;
}
