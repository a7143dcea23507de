using Lms.Content.Data;
using Lms.Contracts.Courses;
using Lms.Contracts.Enrollments;
using Lms.Contracts.Memberships;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Lms.Content.Access;

/// <summary>Which institution a course belongs to (from the institution service's catalog snapshots).</summary>
public sealed class KnownCourse
{
    public Guid CourseId { get; set; }

    public Guid InstitutionId { get; set; }

    public long StructureVersion { get; set; }
}

/// <summary>Who manages which institution (from membership events; the later event wins whatever the order).</summary>
public sealed class KnownManager : ITimedMembership
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
        LatestEventWins.ApplyAsync(Db.Managers, [message.InstitutionId, message.UserId],
            () => new KnownManager { InstitutionId = message.InstitutionId, UserId = message.UserId }, active: true, message.OccurredAt, cancellationToken);
}

public sealed class ManagerRemovedConsumer(ContentDbContext db, TimeProvider clock, ILogger<ManagerRemovedConsumer> logger)
    : InboxConsumer<InstitutionManagerRemoved, ContentDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(InstitutionManagerRemoved message, CancellationToken cancellationToken) =>
        LatestEventWins.ApplyAsync(Db.Managers, [message.InstitutionId, message.UserId],
            () => new KnownManager { InstitutionId = message.InstitutionId, UserId = message.UserId }, active: false, message.OccurredAt, cancellationToken);
}


/// <summary>A file shown by a course's structure (from the institution service's structure snapshots).</summary>
public sealed class CourseFile
{
    public Guid CourseId { get; set; }

    public Guid FileId { get; set; }
}

/// <summary>
/// A learner's enrollment, as far as playback needs it: who, which course, whether it opens the course now (the later
/// event wins whatever the order) and until which day (the rule is <see cref="CourseAccess"/>).
/// </summary>
public sealed class KnownEnrollment : ITimedMembership
{
    public Guid ProvisionId { get; set; }

    public Guid UserId { get; set; }

    public Guid CourseId { get; set; }

    /// <summary>Activated, or completed and still the learner's; false once cancelled or closed by leaving.</summary>
    public bool Active { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The provision's last day (Korea time); null for an enrollment activated before the events carried it.</summary>
    public DateOnly? EndDate { get; set; }
}

public sealed class CourseStructureChangedConsumer(ContentDbContext db, TimeProvider clock, ILogger<CourseStructureChangedConsumer> logger)
    : InboxConsumer<CourseStructureChanged, ContentDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CourseStructureChanged message, CancellationToken cancellationToken)
    {
        var course = await Db.Courses.FindAsync([message.CourseId], cancellationToken);
        if (course is null)
        {
            course = new KnownCourse { CourseId = message.CourseId, InstitutionId = message.InstitutionId };
            Db.Courses.Add(course);
        }
        else if (course.StructureVersion >= message.Version)
        {
            return;
        }

        course.StructureVersion = message.Version;
        var files = message.Chapters.SelectMany(c => c.Items).Select(i => i.FileId).OfType<Guid>().Distinct().ToList();
        await Db.CourseFiles.Where(f => f.CourseId == message.CourseId).ExecuteDeleteAsync(cancellationToken);
        Db.CourseFiles.AddRange(files.Select(fileId => new CourseFile { CourseId = message.CourseId, FileId = fileId }));
    }
}

public sealed class EnrollmentActivatedConsumer(ContentDbContext db, TimeProvider clock, ILogger<EnrollmentActivatedConsumer> logger)
    : InboxConsumer<EnrollmentActivated, ContentDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(EnrollmentActivated message, CancellationToken cancellationToken) =>
        CourseAccess.ApplyAsync(Db, message.ProvisionId, message.UserId, message.CourseId, open: true, message.ActivatedAt, cancellationToken, message.EndDate);
}

public sealed class EnrollmentCancelledConsumer(ContentDbContext db, TimeProvider clock, ILogger<EnrollmentCancelledConsumer> logger)
    : InboxConsumer<EnrollmentCancelled, ContentDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(EnrollmentCancelled message, CancellationToken cancellationToken) =>
        CourseAccess.ApplyAsync(Db, message.ProvisionId, message.UserId, message.CourseId, open: false, message.CancelledAt, cancellationToken);
}

/// <summary>A completed learner left the company or the roster (closed), or was put back on it (open).</summary>
public sealed class EnrollmentAccessChangedConsumer(ContentDbContext db, TimeProvider clock, ILogger<EnrollmentAccessChangedConsumer> logger)
    : InboxConsumer<EnrollmentAccessChanged, ContentDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(EnrollmentAccessChanged message, CancellationToken cancellationToken) =>
        CourseAccess.ApplyAsync(Db, message.ProvisionId, message.UserId, message.CourseId, message.Open, message.ChangedAt, cancellationToken);
}
