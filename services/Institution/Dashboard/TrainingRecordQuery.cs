using Lms.Institution.Data;
using Lms.Institution.Provisions;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Dashboard;

/// <summary>
/// One provision's learners for the training-records report, read without tracking and yielded as the database
/// sends them, so a CSV of any length is written in constant memory.
/// </summary>
public static class TrainingRecordQuery
{
    public static IAsyncEnumerable<TrainingRecordRow> Rows(InstitutionDbContext db, ProvisionCopy provision)
    {
        var (company, course, begin, end) = (provision.CompanyName, provision.CourseTitle, provision.BeginDate, provision.EndDate);
        return (
                from record in db.EnrollmentRecords.AsNoTracking()
                where record.ProvisionId == provision.Id
                join user in db.Users.AsNoTracking() on record.UserId equals user.Id into users
                from user in users.DefaultIfEmpty()
                orderby user!.Name, record.EnrollmentId
                select new TrainingRecordRow(record.EnrollmentId, record.UserId, company, user == null ? string.Empty : user.Name,
                    user == null ? string.Empty : user.Email, course, begin, end, record.State, record.ProgressPercent, record.EvaluationScore,
                    record.AttendanceRate, record.State == EnrollmentRecordStates.Completed, record.CompletedAt, record.CertificateSerial))
            .AsAsyncEnumerable();
    }
}
