using Lms.Contracts.Administration;

namespace Lms.Identity.Administration;

/// <summary>
/// One entry of the platform's audit trail: who (an admin), when, what (the action and its target, named as it was
/// then) and why. Identity's own actions are written with the change they describe; the other services' arrive as
/// <see cref="AdminActionRecorded"/> and keep their id, so a redelivery finds its row. Never changed or deleted.
/// </summary>
public sealed class AdminAction
{
    private AdminAction()
    {
    }

    public Guid Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public Guid AdminId { get; private set; }

    public string Action { get; private set; } = string.Empty;

    public string TargetType { get; private set; } = string.Empty;

    public Guid TargetId { get; private set; }

    public string TargetName { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    /// <summary>An action of this service, saved with the change it describes.</summary>
    public static AdminAction Record(Guid adminId, string action, Guid userId, string userEmail, string reason, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OccurredAt = now,
        AdminId = adminId,
        Action = action,
        TargetType = AdminTargetTypes.User,
        TargetId = userId,
        TargetName = userEmail,
        Reason = reason.Trim(),
    };

    public static AdminAction From(AdminActionRecorded recorded) => new()
    {
        Id = recorded.ActionId,
        OccurredAt = recorded.OccurredAt,
        AdminId = recorded.AdminId,
        Action = recorded.Action,
        TargetType = recorded.TargetType,
        TargetId = recorded.TargetId,
        TargetName = recorded.TargetName,
        Reason = recorded.Reason,
    };
}
