using Lms.Content;
using Lms.Content.Benchmarks;
using Lms.Content.Uploads;
using Lms.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("content");
builder.AddContentService();

var app = builder.Build();
app.UseServiceDefaults();
app.MapServiceApi().MapUploadEndpoints().MapFileEndpoints();
app.MapProxyUploadBaseline();
app.Run();
