using Lms.Student.Data;

namespace Lms.Student.Learning;

/// <summary>
/// One row per learner that every change the learner makes to their progress writes first: heartbeats, opened
/// documents and graded attempts. Two such changes at the same moment collide on its version, and the second answers
/// 409 or is retried, so the daily cap, the wall-clock time shared by all of the learner's videos and the completion
/// check are always decided on a read nobody else is changing. Course-wide refreshes do not write it (they would
/// collide with every learner's heartbeats); they conflict only on an enrollment whose progress or state they change.
/// </summary>
public sealed class LearnerActivity
{
    private LearnerActivity()
    {
    }

    public Guid UserId { get; private set; }

    /// <summary>When the learner's last credited stretch of video ended (server time), on any video of any course.</summary>
    public DateTimeOffset? CreditedUntil { get; private set; }

    public int Version { get; private set; }

    /// <summary>The learner's row, created on first use and marked as changed by this unit of work.</summary>
    public static async Task<LearnerActivity> TouchAsync(StudentDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var activity = await db.LearnerActivity.FindAsync([userId], cancellationToken);
        if (activity is null)
        {
            activity = new LearnerActivity { UserId = userId };
            db.LearnerActivity.Add(activity);
        }

        activity.Version++;
        return activity;
    }

    public void Credited(DateTimeOffset until)
    {
        if (CreditedUntil is null || until > CreditedUntil)
        {
            CreditedUntil = until;
        }
    }
}
