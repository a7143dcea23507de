using System.ComponentModel.DataAnnotations;
using Lms.Contracts.Provisions;

namespace Lms.Company.Provisions;

public sealed record ProvisionRequest(
    [property: Required] Guid? CourseId,
    [property: Required] DateOnly? BeginDate,
    [property: Required] DateOnly? EndDate,
    [property: Range(1, 10_000)] int Seats,
    [property: MaxLength(200)] string? Deposit = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BeginDate is { } begin && EndDate is { } end && end < begin)
        {
            yield return new ValidationResult("The end date cannot be before the begin date.", [nameof(EndDate)]);
        }
    }
}

public sealed record RosterRequest([property: Required] IReadOnlyList<Guid>? UserIds);

public sealed record ReasonRequest([property: MaxLength(500)] string? Reason = null);

public sealed record ProvisionQuery(
    [property: AllowedValues(null, ProvisionStates.Requested, ProvisionStates.Accepted, ProvisionStates.Declined, ProvisionStates.Cancelled,
        ProvisionStates.RosterSubmitted, ProvisionStates.Registered, ProvisionStates.InProgress, ProvisionStates.Finished)] string? State = null,
    [property: Range(1, 100_000)] int Page = 1,
    [property: Range(1, 100)] int Size = 20);

public sealed record ProvisionView(
    Guid Id, Guid CourseId, string CourseTitle, Guid InstitutionId, string InstitutionName, Guid CompanyId, string CompanyName,
    DateOnly BeginDate, DateOnly EndDate, int Seats, string? Deposit, string State, IReadOnlyList<Guid> Roster,
    IReadOnlyList<ProvisionTransition> History, long Version, IReadOnlyList<Guid> PendingAdditions, IReadOnlyList<Guid> ConsumedSeats)
{
    public static ProvisionView From(CourseProvision p) => new(p.Id, p.CourseId, p.CourseTitle, p.InstitutionId, p.InstitutionName,
        p.CompanyId, p.CompanyName, p.BeginDate, p.EndDate, p.Seats, p.Deposit, p.State, [.. p.Roster], [.. p.History], p.Version,
        [.. p.PendingAdditions], [.. p.ConsumedSeats]);
}

public sealed record ProvisionSummary(Guid Id, Guid CourseId, string CourseTitle, string InstitutionName, DateOnly BeginDate, DateOnly EndDate, int Seats, string State);
