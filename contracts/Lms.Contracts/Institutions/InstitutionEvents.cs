namespace Lms.Contracts.Institutions;

/// <summary>An institution's public face changed (or it was created); projections keep the highest version.</summary>
public sealed record InstitutionProfileChanged(Guid InstitutionId, string Name, long Version, DateTimeOffset ChangedAt);
