using Lms.Contracts.Exams;
using Lms.Institution.Data;
using Lms.ServiceDefaults.Messaging.Inbox;

namespace Lms.Institution.Exams;

public static class AttemptStates
{
    public const string InProgress = "IN_PROGRESS";
    public const string Graded = "GRADED";
}

/// <summary>
/// What the institution knows of an attempt at one of its exams, from the student service's events. "Started" and
/// "graded" travel on separate queues and may arrive in either order; a graded attempt never goes back to in progress.
/// </summary>
public sealed class ExamAttempt
{
    public Guid AttemptId { get; set; }

    public Guid ExamId { get; set; }

    public Guid CourseId { get; set; }

    public Guid InstitutionId { get; set; }

    public Guid UserId { get; set; }

    public Guid EnrollmentId { get; set; }

    public Guid CompanyId { get; set; }

    public int AttemptNumber { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Known from the "started" event only.</summary>
    public DateTimeOffset? Deadline { get; set; }

    public string State { get; set; } = AttemptStates.InProgress;

    public decimal? Score { get; set; }

    public bool? Passed { get; set; }

    public bool AutoGraded { get; set; }

    public DateTimeOffset? GradedAt { get; set; }

    public static ExamAttempt Started(ExamAttemptStarted e) => new()
    {
        AttemptId = e.AttemptId,
        ExamId = e.ExamId,
        CourseId = e.CourseId,
        InstitutionId = e.InstitutionId,
        UserId = e.UserId,
        EnrollmentId = e.EnrollmentId,
        CompanyId = e.CompanyId,
        AttemptNumber = e.AttemptNumber,
        StartedAt = e.StartedAt,
        Deadline = e.Deadline,
        State = AttemptStates.InProgress,
    };

    public static ExamAttempt Graded(ExamAttemptGraded e)
    {
        var attempt = new ExamAttempt
        {
            AttemptId = e.AttemptId,
            ExamId = e.ExamId,
            CourseId = e.CourseId,
            InstitutionId = e.InstitutionId,
            UserId = e.UserId,
            EnrollmentId = e.EnrollmentId,
            CompanyId = e.CompanyId,
            AttemptNumber = e.AttemptNumber,
            StartedAt = e.StartedAt,
        };
        attempt.Grade(e);
        return attempt;
    }

    /// <summary>The "started" event arrived after the attempt was known (graded first): it only adds the deadline.</summary>
    public void Learn(ExamAttemptStarted e) => Deadline ??= e.Deadline;

    /// <summary>Records the grade; an older grade than the one kept is ignored.</summary>
    public void Grade(ExamAttemptGraded e)
    {
        if (State == AttemptStates.Graded && GradedAt >= e.GradedAt)
        {
            return;
        }

        State = AttemptStates.Graded;
        // Stored with two decimals, like the 0–100 scores the student service computes.
        Score = Math.Round(e.Score, 2, MidpointRounding.AwayFromZero);
        Passed = e.Passed;
        AutoGraded = e.AutoGraded;
        GradedAt = e.GradedAt;
    }
}

public sealed class ExamAttemptStartedConsumer(InstitutionDbContext db, TimeProvider clock, ILogger<ExamAttemptStartedConsumer> logger)
    : InboxConsumer<ExamAttemptStarted, InstitutionDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ExamAttemptStarted message, CancellationToken cancellationToken)
    {
        if (await Db.ExamAttempts.FindAsync([message.AttemptId], cancellationToken) is { } attempt)
        {
            attempt.Learn(message);
            return;
        }

        Db.ExamAttempts.Add(ExamAttempt.Started(message));
    }
}

public sealed class ExamAttemptGradedConsumer(InstitutionDbContext db, TimeProvider clock, ILogger<ExamAttemptGradedConsumer> logger)
    : InboxConsumer<ExamAttemptGraded, InstitutionDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ExamAttemptGraded message, CancellationToken cancellationToken)
    {
        if (await Db.ExamAttempts.FindAsync([message.AttemptId], cancellationToken) is { } attempt)
        {
            attempt.Grade(message);
            return;
        }

        Db.ExamAttempts.Add(ExamAttempt.Graded(message));
    }
}
