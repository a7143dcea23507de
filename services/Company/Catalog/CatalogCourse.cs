using Lms.Company.Data;
using Lms.Contracts.Courses;
using Lms.ServiceDefaults.Messaging.Inbox;

namespace Lms.Company.Catalog;

/// <summary>The company service's copy of the course catalog, kept from the institution service's snapshots.</summary>
public sealed class CatalogCourse
{
    public Guid CourseId { get; set; }

    public Guid InstitutionId { get; set; }

    public string InstitutionName { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string State { get; set; } = string.Empty;

    public int PeriodDays { get; set; }

    public long Version { get; set; }

    /// <summary>The version of the institution's profile the name comes from; an older rename never wins.</summary>
    public long InstitutionVersion { get; set; }
}

public sealed class CourseCatalogChangedConsumer(CompanyDbContext db, TimeProvider clock, ILogger<CourseCatalogChangedConsumer> logger)
    : InboxConsumer<CourseCatalogChanged, CompanyDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CourseCatalogChanged message, CancellationToken cancellationToken)
    {
        var course = await Db.CatalogCourses.FindAsync([message.CourseId], cancellationToken);
        if (course is null)
        {
            course = new CatalogCourse { CourseId = message.CourseId };
            Db.CatalogCourses.Add(course);
        }
        else if (course.Version >= message.Version)
        {
            return;
        }

        course.InstitutionId = message.InstitutionId;
        // Once a profile event has named the institution, only newer profile events rename it.
        if (course.InstitutionVersion == 0)
        {
            course.InstitutionName = message.InstitutionName;
        }
        course.Title = message.Title;
        course.State = message.State;
        course.PeriodDays = message.PeriodDays;
        course.Version = message.Version;
    }
}
