using Lms.Company.Administration;
using Lms.Company.Catalog;
using Lms.Company.Companies;
using Lms.Company.Dashboard;
using Lms.Company.Data;
using Lms.Company.Invitations;
using Lms.Company.Learning;
using Lms.Company.Members;
using Lms.Company.Provisions;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Email;
using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Users;

namespace Lms.Company;

public static class CompanyExtensions
{
    public static WebApplicationBuilder AddCompanyService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CompanyDbContext>();
        builder.AddServiceBus((bus, service) =>
        {
            bus.AddUserDirectory<CompanyDbContext>(service);
            bus.AddConsumer<CourseCatalogChangedConsumer>();
            bus.AddConsumer<InstitutionProfileChangedConsumer>();
            bus.AddConsumer<InstitutionSuspensionChangedConsumer>();
            bus.AddConsumer<EnrollmentActivatedConsumer>();
            bus.AddConsumer<EnrollmentCancelledConsumer>();
            bus.AddConsumer<EnrollmentProgressChangedConsumer>();
            bus.AddConsumer<EnrollmentCompletedConsumer>();
            bus.AddConsumer<LearnerExamGradedConsumer>();
            bus.AddConsumer<LearnerLiveAttendanceConsumer>();
            bus.AddConsumer<DecideProvisionConsumer>();
        });
        builder.Services.AddSingleton<ProvisionCatchUp>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ProvisionCatchUp>());
        builder.AddEmail();
        return builder;
    }

    public static RouteGroupBuilder MapCompanyServiceEndpoints(this RouteGroupBuilder api) => api
        .MapCompanyEndpoints()
        .MapMemberEndpoints()
        .MapInvitationEndpoints()
        .MapProvisionEndpoints()
        .MapProgressEndpoints()
        .MapCompanyDashboardEndpoints()
        .MapCompanyAdminEndpoints();
}
