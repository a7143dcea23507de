using Lms.ServiceDefaults.Data;

namespace Lms.Identity.Data;

/// <summary>Used by <c>dotnet ef migrations add</c> only.</summary>
internal sealed class DesignTimeFactory : DesignTimeDbContextFactory<AccountsDbContext>;
