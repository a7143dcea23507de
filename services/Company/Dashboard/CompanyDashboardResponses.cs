using Lms.ServiceDefaults.Http;

namespace Lms.Company.Dashboard;

public sealed record CompanyProvisionRow(
    Guid ProvisionId, Guid CourseId, string CourseTitle, string InstitutionName, string State, DateOnly BeginDate, DateOnly EndDate, int Seats,
    int Learners, int Completed, decimal CompletionRate, decimal AverageProgressPercent, decimal? AverageEvaluationScore, decimal? AverageAttendanceRate);

/// <summary>One employee in one provision.</summary>
public sealed record EmployeeProgressRow(
    Guid EnrollmentId, Guid UserId, string Name, string Email, Guid ProvisionId, string CourseTitle, string State, decimal ProgressPercent,
    decimal? EvaluationScore, decimal? AttendanceRate, bool Completed, DateTimeOffset? CompletedAt, string? CertificateSerial);

public sealed record CompanyDashboard(
    int Employees, IReadOnlyDictionary<string, int> ProvisionsByState, int Learners, int Active, int Completed, decimal CompletionRate,
    decimal AverageProgressPercent, IReadOnlyList<CompanyProvisionRow> Provisions, Paged<EmployeeProgressRow> LearnerProgress);

/// <summary>One learner's line of the company's training-records report.</summary>
public sealed record CompanyTrainingRecordRow(
    Guid EnrollmentId, Guid UserId, string CompanyName, string Name, string Email, string CourseTitle, string InstitutionName, DateOnly BeginDate,
    DateOnly EndDate, string State, decimal ProgressPercent, decimal? EvaluationScore, decimal? AttendanceRate, bool Completed,
    DateTimeOffset? CompletedAt, string? CertificateSerial);

public sealed record CompanyTrainingRecords(Guid ProvisionId, IReadOnlyList<CompanyTrainingRecordRow> Items);
