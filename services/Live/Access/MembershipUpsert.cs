using Lms.Live.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Access;

/// <summary>
/// The later event wins, in one statement. Two events about the same person can arrive together (the student
/// service activates a roster while another activation or a cancellation is in flight); a read-then-insert loses that
/// race on the primary key, and its retry can find the failed insert still tracked. An atomic upsert that keeps the
/// newer of the two states has no race to lose.
/// </summary>
public static class MembershipUpsert
{
    public static Task EnrollmentAsync(LiveDbContext db, Guid provisionId, Guid userId, Guid enrollmentId, bool active, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO enrollments (provision_id, user_id, enrollment_id, active, changed_at)
            VALUES ({provisionId.ToString()}, {userId.ToString()}, {enrollmentId.ToString()}, {active}, {at.UtcDateTime})
            ON DUPLICATE KEY UPDATE enrollment_id = IF(VALUES(changed_at) >= changed_at, VALUES(enrollment_id), enrollment_id),
                                    active = IF(VALUES(changed_at) >= changed_at, VALUES(active), active),
                                    changed_at = GREATEST(changed_at, VALUES(changed_at))
            """, cancellationToken);

    public static Task ManagerAsync(LiveDbContext db, Guid institutionId, Guid userId, bool active, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO institution_managers (institution_id, user_id, active, changed_at) VALUES ({institutionId.ToString()}, {userId.ToString()}, {active}, {at.UtcDateTime})
            ON DUPLICATE KEY UPDATE active = IF(VALUES(changed_at) >= changed_at, VALUES(active), active),
                                    changed_at = GREATEST(changed_at, VALUES(changed_at))
            """, cancellationToken);
}
