using Lms.Institution;
using Lms.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("institution");
builder.AddInstitutionService();

var app = builder.Build();
app.UseServiceDefaults();
app.MapServiceApi().MapInstitutionServiceEndpoints();
app.Run();
