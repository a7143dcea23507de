using Microsoft.EntityFrameworkCore;

namespace Lms.ServiceDefaults.Users;

/// <summary>A service DbContext that keeps the <c>users</c> projection.</summary>
public interface IUserDirectory
{
    DbSet<UserSummary> Users { get; }
}
