using Lms.ServiceDefaults.Data;

namespace Lms.Company.Data;

/// <summary>Used by <c>dotnet ef migrations add</c> only.</summary>
internal sealed class DesignTimeFactory : DesignTimeDbContextFactory<CompanyDbContext>;
