using Lms.Company;
using Lms.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("company");
builder.AddCompanyService();

var app = builder.Build();
app.UseServiceDefaults();
app.MapServiceApi().MapCompanyServiceEndpoints();
app.Run();
