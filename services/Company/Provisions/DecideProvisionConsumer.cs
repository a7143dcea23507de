using Lms.Company.Data;
using Lms.Contracts.Provisions;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Lms.Company.Provisions;

/// <summary>An institution's decision that was applied, remembered by its idempotency key so a retry is answered, not re-applied.</summary>
public sealed class AppliedDecision
{
    public Guid IdempotencyKey { get; set; }

    public Guid ProvisionId { get; set; }

    public string Decision { get; set; } = string.Empty;

    public string State { get; set; } = string.Empty;

    public long Version { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}

/// <summary>
/// Applies an institution's decision to the authoritative provision record and answers the waiting institution
/// service. The provision must belong to the institution the command names (the institution service has already
/// checked that its caller manages that institution). The decision, its outbox events and the remembered key commit
/// together, under the provision's row version, so a racing cancellation and a decision cannot both win.
/// </summary>
public sealed class DecideProvisionConsumer(CompanyDbContext db, TimeProvider clock) : IConsumer<DecideProvision>
{
    public async Task Consume(ConsumeContext<DecideProvision> context)
    {
        var command = context.Message;
        var cancellationToken = context.CancellationToken;

        var earlier = await db.AppliedDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.IdempotencyKey == command.IdempotencyKey, cancellationToken);
        var provision = await db.Provisions.SingleOrDefaultAsync(p => p.Id == command.ProvisionId && p.InstitutionId == command.InstitutionId, cancellationToken);
        if (provision is null)
        {
            await context.RespondAsync(new ProvisionDecisionNotFound(command.ProvisionId));
            return;
        }

        if (earlier is not null)
        {
            await context.RespondAsync(new ProvisionDecisionApplied(provision.Id, earlier.State, earlier.Version, provision.ToEvent()));
            return;
        }

        if (command.Decision == ProvisionDecisionKinds.Accept && provision.State == ProvisionStates.Requested &&
            await NewContracts.AcceptRefusalAsync(db, provision, cancellationToken) is { } suspended)
        {
            await context.RespondAsync(new ProvisionDecisionRefused(provision.Id, provision.State, suspended.Title));
            return;
        }

        if (provision.Decide(command.Decision, command.DecidedBy, command.Reason, clock.GetUtcNow()) is { } refusal)
        {
            await context.RespondAsync(new ProvisionDecisionRefused(provision.Id, provision.State, refusal.Title));
            return;
        }

        ProvisionChanges.Publish(db, provision);
        db.AppliedDecisions.Add(new AppliedDecision
        {
            IdempotencyKey = command.IdempotencyKey,
            ProvisionId = provision.Id,
            Decision = command.Decision,
            State = provision.State,
            Version = provision.Version,
            AppliedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else moved it first (a cancellation, or the same decision delivered twice at once): say where it is now.
            var current = await db.Provisions.AsNoTracking().Where(p => p.Id == provision.Id).Select(p => p.State).SingleAsync(cancellationToken);
            await context.RespondAsync(new ProvisionDecisionRefused(provision.Id, current, "The provision changed at the same time."));
            return;
        }

        await context.RespondAsync(new ProvisionDecisionApplied(provision.Id, provision.State, provision.Version, provision.ToEvent()));
    }
}
