using Lms.Contracts.Provisions;
using Lms.Institution.Administration;
using Lms.Institution.Catalog;
using Lms.Institution.Categories;
using Lms.Institution.Courses;
using Lms.Institution.Dashboard;
using Lms.Institution.Data;
using Lms.Institution.Exams;
using Lms.Institution.Files;
using Lms.Institution.Institutions;
using Lms.Institution.Provisions;
using Lms.Institution.Teachback;
using Lms.ServiceDefaults;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Email;
using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Users;

namespace Lms.Institution;

public static class InstitutionExtensions
{
    public static WebApplicationBuilder AddInstitutionService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<InstitutionDbContext>(options => options.AddInterceptors(CatalogJoinOrder.Instance));
        // After the migrator (hosted services start in order): the index table exists before it is filled.
        builder.Services.AddHostedService<CatalogIndexBackfill>();
        builder.AddServiceBus((bus, service) =>
        {
            bus.AddUserDirectory<InstitutionDbContext>(service);
            bus.AddConsumer<FileReadyConsumer>();
            bus.AddConsumer<CourseProvisionChangedConsumer>();
            bus.AddConsumer<RosterAmendmentChangedConsumer>();
            bus.AddRequestClient<DecideProvision>();
            bus.AddConsumer<ExamAttemptStartedConsumer>();
            bus.AddConsumer<ExamAttemptGradedConsumer>();
            bus.AddConsumer<DashboardEnrollmentActivatedConsumer>();
            bus.AddConsumer<DashboardEnrollmentCancelledConsumer>();
            bus.AddConsumer<DashboardEnrollmentProgressChangedConsumer>();
            bus.AddConsumer<DashboardEnrollmentCompletedConsumer>();
            bus.AddConsumer<DashboardExamAttemptGradedConsumer>();
            bus.AddConsumer<DashboardCourseRatedConsumer>();
            bus.AddConsumer<DashboardLiveAttendanceConsumer>();
        });
        builder.Services.Configure<ProvisionDecisionOptions>(builder.Configuration.GetSection(ProvisionDecisionOptions.Section));
        builder.Services.AddScoped<ProvisionDecisions>();
        builder.AddEmail();
        return builder;
    }

    public static RouteGroupBuilder MapInstitutionServiceEndpoints(this RouteGroupBuilder api) => api
        .MapCategoryEndpoints()
        .MapInstitutionEndpoints()
        .MapManagerInvitationEndpoints()
        .MapCourseEndpoints()
        .MapCatalogEndpoints()
        .MapExamEndpoints()
        .MapProvisionEndpoints()
        .MapTeachbackTopicEndpoints()
        .MapDashboardEndpoints()
        .MapInstitutionAdminEndpoints();
}
