using Lms.Contracts.Administration;
using Lms.ServiceDefaults.Data;

namespace Lms.ServiceDefaults.Administration;

/// <summary>
/// Sends an admin action to the audit trail the identity service keeps, through the outbox: it is recorded exactly when
/// the change it describes is saved, in the same transaction.
/// </summary>
public static class AdminAudit
{
    public static void RecordOnSave(this IOutboxDbContext db, Guid adminId, string action, string targetType, Guid targetId, string targetName,
        string reason, DateTimeOffset now) =>
        db.PublishOnSave(new AdminActionRecorded(Guid.CreateVersion7(), adminId, action, targetType, targetId, targetName, reason.Trim(), now));
}
