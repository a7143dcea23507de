using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lms.ServiceDefaults.Http;

/// <summary>
/// Domain refusals as problem details with a stable <c>type</c> per kind of refusal, written through the
/// problem details service so they carry the trace id like every other error.
/// </summary>
public static class Problems
{
    public const string TypeBase = "https://lms.example/problems/";

    public static ProblemHttpResult Conflict(string type, string title, string? detail = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title, type: TypeBase + type);

    /// <summary>A 400 naming the one field that is wrong, shaped like the validation filter's answers.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, type: TypeBase + "validation");

    public static ProblemHttpResult TooManyRequests(string type, string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: title, type: TypeBase + type);

    public static ProblemHttpResult NotFound(string title = "The resource does not exist.") =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, type: TypeBase + "not-found");
}
