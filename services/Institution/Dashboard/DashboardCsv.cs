using System.Globalization;
using Lms.ServiceDefaults.Http;

namespace Lms.Institution.Dashboard;

/// <summary>The institution dashboards' CSV downloads: Korean headers, file names in Korean with an ASCII fallback.</summary>
public static class DashboardCsv
{
    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static CsvFile<DashboardSummary> Summary(DashboardSummary summary) => CsvFile.Of<DashboardSummary>("대시보드_요약.csv", "dashboard-summary.csv",
        [
            new("코스 수", s => Count(s.Courses)),
            new("운영 중인 코스 제공", s => Count(s.ActiveProvisions)),
            new("수강 신청", s => Count(s.Enrollments)),
            new("수강 중", s => Count(s.Learning)),
            new("수료", s => Count(s.Completed)),
            new("수료율(%)", s => ReportFormat.Number(s.CompletionRate)),
            new("평균 평점", s => ReportFormat.Number(s.AverageRating)),
            new("평가 수", s => Count(s.Ratings)),
        ], [summary]);

    public static CsvFile<MonthlyRow> Monthly(IReadOnlyList<MonthlyRow> rows, int year) => CsvFile.Of<MonthlyRow>($"월별_통계_{year}.csv", $"monthly-{year}.csv",
        [
            new("월", r => r.Month),
            new("회사 수", r => Count(r.Companies)),
            new("수강생 수", r => Count(r.Learners)),
            new("진행 중인 강의 수", r => Count(r.ActiveCourses)),
        ], rows);

    public static CsvFile<QuarterlyRow> Quarterly(IReadOnlyList<QuarterlyRow> rows, int year) => CsvFile.Of<QuarterlyRow>($"분기별_통계_{year}.csv", $"quarterly-{year}.csv",
        [
            new("분기", r => $"{r.Quarter}분기"),
            new("회사 수", r => Count(r.Companies)),
            new("수강생 수", r => Count(r.Learners)),
            new("진행 중인 강의 수", r => Count(r.ActiveCourses)),
        ], rows);

    public static CsvFile<PopularCourseRow> Popular(IReadOnlyList<PopularCourseRow> rows, string month) => CsvFile.Of<PopularCourseRow>($"인기_코스_{month}.csv", $"popular-courses-{month}.csv",
        [
            new("순위", r => Count(r.Rank)),
            new("코스", r => r.CourseTitle),
            new("수강 신청", r => Count(r.Enrollments)),
            new("수료", r => Count(r.Completed)),
            new("평균 평점", r => ReportFormat.Number(r.AverageRating)),
        ], rows);

    public static CsvFile<CompanyAttendanceRow> Attendance(IReadOnlyList<CompanyAttendanceRow> rows, string courseTitle) =>
        CsvFile.Of<CompanyAttendanceRow>($"회사별_출석_수료_{courseTitle}.csv", "attendance.csv",
        [
            new("회사", r => r.CompanyName),
            new("수강생 수", r => Count(r.Learners)),
            new("수료", r => Count(r.Completed)),
            new("수료율(%)", r => ReportFormat.Number(r.CompletionRate)),
            new("평균 진도율(%)", r => ReportFormat.Number(r.AverageProgressPercent)),
            new("실시간 출석률(%)", r => ReportFormat.Number(r.AttendanceRate)),
        ], rows);

    public static CsvFile<ContractedCompanyRow> Companies(IReadOnlyList<ContractedCompanyRow> rows) => CsvFile.Of<ContractedCompanyRow>("체결_회사.csv", "companies.csv",
        [
            new("회사", r => r.CompanyName),
            new("코스 제공 수", r => Count(r.Provisions)),
            new("좌석 수", r => Count(r.Seats)),
            new("수강생 수", r => Count(r.Learners)),
            new("수료", r => Count(r.Completed)),
            new("수료율(%)", r => ReportFormat.Number(r.CompletionRate)),
        ], rows);

    public static CsvFile<RunningProvisionRow> RunningProvisions(IReadOnlyList<RunningProvisionRow> rows) => CsvFile.Of<RunningProvisionRow>("운영_중인_코스.csv", "course-provides.csv",
        [
            new("코스", r => r.CourseTitle),
            new("회사", r => r.CompanyName),
            new("시작일", r => ReportFormat.Date(r.BeginDate)),
            new("종료일", r => ReportFormat.Date(r.EndDate)),
            new("상태", r => r.State),
            new("좌석 수", r => Count(r.Seats)),
            new("수강생 수", r => Count(r.Learners)),
            new("수료", r => Count(r.Completed)),
            new("평균 진도율(%)", r => ReportFormat.Number(r.AverageProgressPercent)),
        ], rows);

    public static CsvFile<CourseRatingRow> Ratings(IReadOnlyList<CourseRatingRow> rows) => CsvFile.Of<CourseRatingRow>("코스_평점.csv", "ratings.csv",
        [
            new("코스", r => r.CourseTitle),
            new("평균 평점", r => ReportFormat.Number(r.Average)),
            new("평가 수", r => Count(r.Count)),
            new("1점", r => Count(r.Stars1)),
            new("2점", r => Count(r.Stars2)),
            new("3점", r => Count(r.Stars3)),
            new("4점", r => Count(r.Stars4)),
            new("5점", r => Count(r.Stars5)),
        ], rows);

    public static IReadOnlyList<CsvColumn<TrainingRecordRow>> TrainingRecordColumns { get; } =
    [
        new("회사", r => r.CompanyName),
        new("성명", r => r.Name),
        new("이메일", r => r.Email),
        new("과정명", r => r.CourseTitle),
        new("훈련 시작일", r => ReportFormat.Date(r.BeginDate)),
        new("훈련 종료일", r => ReportFormat.Date(r.EndDate)),
        new("진도율(%)", r => ReportFormat.Number(r.ProgressPercent)),
        new("평가 점수", r => ReportFormat.Number(r.EvaluationScore)),
        new("실시간 출석률(%)", r => ReportFormat.Number(r.AttendanceRate)),
        new("수료 여부", r => r.Completed ? "수료" : "미수료"),
        new("수료일", r => ReportFormat.Date(r.CompletedAt)),
        new("수료증 번호", r => r.CertificateSerial),
    ];

    public static CsvFile<TrainingRecordRow> TrainingRecords(IAsyncEnumerable<TrainingRecordRow> rows, string courseTitle, string companyName) =>
        new($"훈련기록_{courseTitle}_{companyName}.csv", "training-records.csv", TrainingRecordColumns, rows);
}
