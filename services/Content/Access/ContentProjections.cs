using Lms.Content.Data;
using Lms.Contracts.Courses;
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

/// <summary>A learner's enrollment, as far as playback needs it: who, which course, whether active now.</summary>
public sealed class KnownEnrollment : ITimedMembership
{
    public Guid ProvisionId { get; set; }

    public Guid UserId { get; set; }

    public Guid CourseId { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
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
    : InboxConsumer<Lms.Contracts.Enrollments.EnrollmentActivated, ContentDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(Lms.Contracts.Enrollments.EnrollmentActivated message, CancellationToken cancellationToken) =>
        LatestEventWins.ApplyAsync(Db.Enrollments, [message.ProvisionId, message.UserId],
            () => new KnownEnrollment { ProvisionId = message.ProvisionId, UserId = message.UserId, CourseId = message.CourseId }, active: true, message.ActivatedAt, cancellationToken);
}

public sealed class EnrollmentCancelledConsumer(ContentDbContext db, TimeProvider clock, ILogger<EnrollmentCancelledConsumer> logger)
    : InboxConsumer<Lms.Contracts.Enrollments.EnrollmentCancelled, ContentDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(Lms.Contracts.Enrollments.EnrollmentCancelled message, CancellationToken cancellationToken) =>
        LatestEventWins.ApplyAsync(Db.Enrollments, [message.ProvisionId, message.UserId],
            () => new KnownEnrollment { ProvisionId = message.ProvisionId, UserId = message.UserId, CourseId = message.CourseId }, active: false, message.CancelledAt, cancellationToken);
}

