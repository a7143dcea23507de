using Lms.Institution.Categories;
using Lms.Institution.Courses;
using Lms.Institution.Data;
using Lms.Institution.Files;
using Lms.Institution.Institutions;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Users;

namespace Lms.Institution;

public static class InstitutionExtensions
{
    public static WebApplicationBuilder AddInstitutionService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<InstitutionDbContext>();
        builder.AddServiceBus((bus, service) =>
        {
            bus.AddUserDirectory<InstitutionDbContext>(service);
            bus.AddConsumer<FileReadyConsumer>();
        });
        return builder;
    }

    public static RouteGroupBuilder MapInstitutionServiceEndpoints(this RouteGroupBuilder api) => api
        .MapCategoryEndpoints()
        .MapInstitutionEndpoints()
        .MapCourseEndpoints()
        .MapCatalogEndpoints();
}
