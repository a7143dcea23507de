using Lms.Content.Data;
using Lms.Contracts.Courses;
using Lms.Contracts.Memberships;
using Lms.ServiceDefaults.Messaging.Inbox;

namespace Lms.Content.Access;

/// <summary>Which institution a course belongs to (from the institution service's catalog snapshots).</summary>
public sealed class KnownCourse
{
    public Guid CourseId { get; set; }

    public Guid InstitutionId { get; set; }
}

/// <summary>Who manages which institution (from membership events; the later event wins whatever the order).</summary>
public sealed class KnownManager
{
    public Guid InstitutionId { get; set; }

    public Guid UserId { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

public sealed class CourseCatalogChangedConsumer(ContentDbContext db, TimeProvider clock, ILogger<CourseCatalogChangedConsumer> logger)
    : InboxConsumer<CourseCatalogChanged, ContentDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CourseCatalogChanged message, CancellationToken cancellationToken)
    {
        if (await Db.Courses.FindAsync([message.CourseId], cancellationToken) is null)
        {
            Db.Courses.Add(new KnownCourse { CourseId = message.CourseId, InstitutionId = message.InstitutionId });
        }
    }
}

public sealed class ManagerAddedConsumer(ContentDbContext db, TimeProvider clock, ILogger<ManagerAddedConsumer> logger)
    : InboxConsumer<InstitutionManagerAdded, ContentDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(InstitutionManagerAdded message, CancellationToken cancellationToken) =>
        ManagerProjection.ApplyAsync(Db, message.InstitutionId, message.UserId, active: true, message.OccurredAt, cancellationToken);
}

public sealed class ManagerRemovedConsumer(ContentDbContext db, TimeProvider clock, ILogger<ManagerRemovedConsumer> logger)
    : InboxConsumer<InstitutionManagerRemoved, ContentDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(InstitutionManagerRemoved message, CancellationToken cancellationToken) =>
        ManagerProjection.ApplyAsync(Db, message.InstitutionId, message.UserId, active: false, message.OccurredAt, cancellationToken);
}

internal static class ManagerProjection
{
    public static async Task ApplyAsync(ContentDbContext db, Guid institutionId, Guid userId, bool active, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var manager = await db.Managers.FindAsync([institutionId, userId], cancellationToken);
        if (manager is null)
        {
            db.Managers.Add(new KnownManager { InstitutionId = institutionId, UserId = userId, Active = active, ChangedAt = at });
        }
        else if (at >= manager.ChangedAt)
        {
            manager.Active = active;
            manager.ChangedAt = at;
        }
    }
}
