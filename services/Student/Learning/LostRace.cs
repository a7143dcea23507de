using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Lms.Student.Learning;

/// <summary>
/// How a save of a learner's progress loses a race with another writer of the same rows: a concurrency-token or
/// unique-key failure (<see cref="DbUpdateException"/>), or being the victim InnoDB rolls back to break a deadlock. The
/// latter happens when a course-wide re-evaluation holds the enrollment row (see
/// <see cref="Completion.ReevaluateEnrollmentBatchConsumer"/>) while this save and the batch both issue the course's
/// certificate. Pomelo's execution strategy reports a deadlock as a transient <see cref="InvalidOperationException"/>,
/// which is not a <see cref="DbUpdateException"/>, so without this it would read as "database unavailable" (503).
/// Either way the answer is the same: nothing was saved; retry on top of the winner's change.
/// </summary>
public static class LostRace
{
    public static bool Is(Exception exception) => exception is DbUpdateException || IsDeadlockVictim(exception);

    private static bool IsDeadlockVictim(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock })
            {
                return true;
            }
        }

        return false;
    }
}
