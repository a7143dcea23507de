using Lms.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Content.Data;

/// <summary>The content service's own schema (<c>lms_content</c>).</summary>
public sealed class ContentDbContext(DbContextOptions<ContentDbContext> options) : ServiceDbContext(options);
