using System.Security.Cryptography;
using System.Text;
using Lms.Contracts.Provisions;
using Lms.Institution.Data;
using Lms.ServiceDefaults.Http;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lms.Institution.Provisions;

public sealed class ProvisionDecisionOptions
{
    public const string Section = "Provisions";

    /// <summary>How long a manager waits for the company service before being told to retry.</summary>
    public TimeSpan DecisionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>What the 503 tells the client to wait before retrying.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Hands the institution's decisions to the company service, which keeps the authoritative provision record, as a bus
/// request with typed outcomes. The key of a decision is derived from the provision, the decision and the version
/// of the provision this service last saw: a manager retrying after a timeout sends the same key and is answered
/// with what was applied, while a decision taken again after the provision moved on is a new one.
/// </summary>
public sealed class ProvisionDecisions(
    IRequestClient<DecideProvision> client, InstitutionDbContext db, IOptions<ProvisionDecisionOptions> options)
{
    public async Task<IResult> DecideAsync(ProvisionCopy copy, string decision, Guid managerId, string? reason, HttpContext http,
        CancellationToken cancellationToken)
    {
        var command = new DecideProvision(KeyOf(copy, decision), copy.Id, copy.InstitutionId, managerId, decision, reason);
        try
        {
            var response = await client.GetResponse<ProvisionDecisionApplied, ProvisionDecisionRefused, ProvisionDecisionNotFound>(
                command, cancellationToken, RequestTimeout.After(ms: (int)options.Value.DecisionTimeout.TotalMilliseconds));
            if (response.Is(out Response<ProvisionDecisionApplied>? applied))
            {
                return TypedResults.Ok(InstitutionProvisionView.From(await FollowAsync(copy.Id, applied.Message.Provision, cancellationToken)));
            }

            if (response.Is(out Response<ProvisionDecisionRefused>? refused))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refused.Message.Title,
                    type: Problems.TypeBase + "provision-state", extensions: new Dictionary<string, object?> { ["state"] = refused.Message.State });
            }

            return Problems.NotFound("The course provision does not exist.");
        }
        catch (Exception ex) when (ex is RequestTimeoutException or MassTransitException && !cancellationToken.IsCancellationRequested)
        {
            http.Response.Headers.RetryAfter = ((int)options.Value.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The company side of the contract cannot answer right now. Try again shortly; a retry is never applied twice.",
                type: Problems.TypeBase + "company-unavailable");
        }
    }

    /// <summary>The same decision on the same version of the provision is the same request.</summary>
    public static Guid KeyOf(ProvisionCopy copy, string decision)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{copy.Id:N}/{decision}/{copy.Version}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    // The answer carries the authoritative snapshot: the manager reads back what they decided without waiting for the event.
    private async Task<ProvisionCopy> FollowAsync(Guid id, CourseProvisionChanged snapshot, CancellationToken cancellationToken)
    {
        var copy = await db.Provisions.SingleAsync(p => p.Id == id, cancellationToken);
        if (copy.Follow(snapshot))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The event got there first; what it wrote is at least as new.
                return await db.Provisions.AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken);
            }
        }
        return copy;
    }
}
