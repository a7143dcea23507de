namespace Lms.Contracts.Companies;

/// <summary>A company's public face changed (or it was created); projections keep the highest version.</summary>
public sealed record CompanyProfileChanged(Guid CompanyId, string Name, string EmailDomain, long Version, DateTimeOffset ChangedAt);
