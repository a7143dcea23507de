using Lms.Contracts.Courses;

namespace Lms.Student.Completion;

/// <summary>A required exam and the score that counts for the learner (null before any graded attempt).</summary>
public sealed record RequiredExamResult(Guid ExamId, string Title, int Weight, int PassScore, decimal? Score);

/// <summary>Whether the rule holds, and if not, what is still missing, in words a learner understands.</summary>
public sealed record CompletionVerdict(bool Met, IReadOnlyList<string> Missing);

/// <summary>
/// The course's completion rule (see DOMAIN.md): enough of the required items complete, every required exam passed
/// with a weighted score reaching the rule's evaluation threshold, and live attendance when the course requires it.
/// </summary>
public static class CompletionCheck
{
    public static CompletionVerdict Evaluate(
        CompletionRuleSnapshot rule, decimal progressPercent, IReadOnlyList<RequiredExamResult> exams, decimal? liveAttendancePercent)
    {
        var missing = new List<string>();
        if (progressPercent < rule.CourseProgressPercent)
        {
            missing.Add($"Course progress is {progressPercent:0.##}%; {rule.CourseProgressPercent}% is required.");
        }

        foreach (var exam in exams.Where(e => e.Score is null || e.Score < e.PassScore))
        {
            missing.Add($"Pass the exam '{exam.Title}' ({exam.PassScore} points or more).");
        }

        if (exams.Count > 0 && exams.All(e => e.Score is not null) && WeightedScore(exams) is var weighted && weighted < rule.EvaluationPassScore)
        {
            missing.Add($"The weighted exam score is {weighted:0.##}; {rule.EvaluationPassScore} is required.");
        }

        if (rule.LiveAttendancePercent is { } attendance && (liveAttendancePercent ?? 0) < attendance)
        {
            missing.Add($"Attend at least {attendance}% of the live sessions.");
        }

        return new CompletionVerdict(missing.Count == 0, missing);
    }

    /// <summary>The required exams' scores weighted by their weights, 0–100.</summary>
    public static decimal WeightedScore(IReadOnlyList<RequiredExamResult> exams)
    {
        var totalWeight = exams.Sum(e => e.Weight);
        return totalWeight == 0 ? 0 : Math.Round(exams.Sum(e => (e.Score ?? 0) * e.Weight) / totalWeight, 2);
    }

    /// <summary>The share of live sessions attended, 0–100; null when no session was held (a required share is then unmet).</summary>
    public static decimal? LiveAttendancePercent(int sessionsHeld, int sessionsAttended) =>
        sessionsHeld == 0 ? null : Math.Round(100m * sessionsAttended / sessionsHeld, 2);

    /// <summary>The share of required items completed, 0–100; a course without required items is fully progressed.</summary>
    public static decimal ProgressPercent(int requiredItems, int completedRequiredItems) =>
        requiredItems == 0 ? 100m : Math.Round(100m * completedRequiredItems / requiredItems, 2);
}
