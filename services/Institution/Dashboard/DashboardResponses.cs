namespace Lms.Institution.Dashboard;

public sealed record DashboardSummary(
    int Courses, int ActiveProvisions, int Enrollments, int Learning, int Completed, decimal CompletionRate, decimal? AverageRating, int Ratings);

public sealed record DashboardTable<T>(IReadOnlyList<T> Items);

public sealed record MonthlyRow(string Month, int Companies, int Learners, int ActiveCourses);

public sealed record QuarterlyRow(int Quarter, int Companies, int Learners, int ActiveCourses);

public sealed record PopularCourseRow(int Rank, Guid CourseId, string CourseTitle, int Enrollments, int Completed, decimal? AverageRating);

public sealed record CompanyAttendanceRow(
    Guid CompanyId, string CompanyName, int Learners, int Completed, decimal CompletionRate, decimal AverageProgressPercent, decimal? AttendanceRate);

public sealed record ContractedCompanyRow(Guid CompanyId, string CompanyName, int Provisions, int Seats, int Learners, int Completed, decimal CompletionRate);

public sealed record RunningProvisionRow(
    Guid ProvisionId, Guid CourseId, string CourseTitle, Guid CompanyId, string CompanyName, DateOnly BeginDate, DateOnly EndDate,
    string State, int Seats, int Learners, int Completed, decimal AverageProgressPercent);

public sealed record CourseRatingRow(Guid CourseId, string CourseTitle, decimal? Average, int Count, int Stars1, int Stars2, int Stars3, int Stars4, int Stars5);

public sealed record RatingComment(Guid CourseId, string CourseTitle, int Stars, string Comment, DateTimeOffset RatedAt);

public sealed record RatingsView(
    decimal? Average, int Count, IReadOnlyDictionary<string, int> Distribution, IReadOnlyList<CourseRatingRow> Courses, IReadOnlyList<RatingComment> RecentComments);

/// <summary>One learner's line of the training-records report (사업주훈련 filing).</summary>
public sealed record TrainingRecordRow(
    Guid EnrollmentId, Guid UserId, string CompanyName, string Name, string Email, string CourseTitle, DateOnly BeginDate, DateOnly EndDate,
    string State, decimal ProgressPercent, decimal? EvaluationScore, decimal? AttendanceRate, bool Completed, DateTimeOffset? CompletedAt,
    string? CertificateSerial);

public sealed record TrainingRecords(Guid ProvisionId, IReadOnlyList<TrainingRecordRow> Items);
