using System.Globalization;
using Lms.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lms.Identity.SignInGuard;

/// <summary>The answers of the sign-in guard; both come before any password is hashed.</summary>
public static class SignInRefusals
{
    /// <summary>429: this address has used up its failed sign-ins; the same answer whether or not the login exists.</summary>
    public static ProblemHttpResult AddressThrottled(HttpResponse response, TimeSpan retryAfter)
    {
        response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many failed sign-ins from this network. Try again later.",
            type: Problems.TypeBase + "sign-in-throttled");
    }

    /// <summary>503: every hashing slot is taken and the queue is full; nothing was judged, nothing counted.</summary>
    public static ProblemHttpResult Busy(HttpResponse response)
    {
        response.Headers.RetryAfter = "1";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Sign-in is busy. Try again in a moment.",
            type: Problems.TypeBase + "sign-in-busy");
    }
}
