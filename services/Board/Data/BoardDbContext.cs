using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Users;
using Microsoft.EntityFrameworkCore;

namespace Lms.Board.Data;

/// <summary>The board service's own schema (<c>lms_board</c>).</summary>
public sealed class BoardDbContext(DbContextOptions<BoardDbContext> options) : ServiceDbContext(options), IUserDirectory
{
    public DbSet<UserSummary> Users => Set<UserSummary>();
}
