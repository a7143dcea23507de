namespace Lms.Contracts.Institutions;

/// <summary>
/// A platform admin suspended an institution or reinstated it. While suspended its courses are out of the catalog and
/// no new contract is made for them; contracts already made run on. Ordered by <paramref name="Version"/> (the
/// institution's, shared with <see cref="InstitutionProfileChanged"/>): projections keep the highest.
/// </summary>
public sealed record InstitutionSuspensionChanged(Guid InstitutionId, bool Suspended, long Version, DateTimeOffset ChangedAt);
