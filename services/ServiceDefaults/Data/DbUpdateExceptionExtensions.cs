using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Lms.ServiceDefaults.Data;

public static class DbUpdateExceptionExtensions
{
    /// <summary>True when the save lost a race on a unique index (MySQL error 1062, duplicate entry).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry };
}
