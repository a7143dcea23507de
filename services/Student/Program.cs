using Lms.ServiceDefaults;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Users;
using Lms.Student.Certificates;
using Lms.Student.Completion;
using Lms.Student.Courses;
using Lms.Student.Data;
using Lms.Student.Enrollments;
using Lms.Student.Exams;
using Lms.Student.Learning;
using Lms.Student.Ratings;
using Lms.Student.Teachback;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("student");
builder.AddServiceDatabase<StudentDbContext>();
builder.AddServiceBus((bus, service) =>
{
    bus.AddUserDirectory<StudentDbContext>(service);
    bus.AddConsumer<CourseProvisionChangedConsumer>();
    bus.AddConsumer<CompanyMemberLeftConsumer>();
    bus.AddConsumer<CourseStructureChangedConsumer>();
    bus.AddConsumer<Lms.Student.Completion.LiveAttendanceConsumer>();
    bus.AddConsumer<ExamPublishedConsumer>();
    bus.AddConsumer<ReevaluateEnrollmentBatchConsumer>();
    bus.AddTeachbackConsumers();
});
builder.Services.AddKeyedSingleton(LearningClock.Key, TimeProvider.System);
builder.Services.AddScoped<CourseCompletion>();
builder.Services.AddScoped<CourseReevaluation>();
builder.Services.AddOptions<CourseReevaluationOptions>().BindConfiguration(CourseReevaluationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddScoped<AttemptGrader>();
builder.Services.AddHostedService<AutoGrader>();
builder.AddTeachback();

var app = builder.Build();
app.UseServiceDefaults();
app.MapServiceApi()
    .MapEnrollmentEndpoints()
    .MapLearningEndpoints()
    .MapExamEndpoints()
    .MapRatingEndpoints()
    .MapCertificateEndpoints()
    .MapTeachbackServiceEndpoints();
app.Run();
