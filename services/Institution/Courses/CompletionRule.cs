using System.ComponentModel.DataAnnotations;
using Lms.Contracts.Courses;

namespace Lms.Institution.Courses;

/// <summary>
/// When a learner completes the course. The defaults follow the Korean employer-sponsored training rules
/// (사업주훈련); see DOMAIN.md.
/// </summary>
public sealed record CompletionRule(
    [property: Range(1, 100)] int VideoProgressPercent = 90,
    [property: Range(0, 100)] int CourseProgressPercent = 80,
    [property: Range(0, 100)] int EvaluationPassScore = 60,
    [property: Range(1, 100)] int? LiveAttendancePercent = null,
    [property: Range(1, 50)] int DailyItemCap = 8,
    [property: Range(0, 100)] int MidExamUnlockPercent = 50,
    [property: Range(0, 100)] int FinalExamUnlockPercent = 80) : IValidatableObject
{
    public static CompletionRule Default { get; } = new();

    public CompletionRuleSnapshot ToSnapshot() => new(VideoProgressPercent, CourseProgressPercent, EvaluationPassScore,
        LiveAttendancePercent, DailyItemCap, MidExamUnlockPercent, FinalExamUnlockPercent);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MidExamUnlockPercent > FinalExamUnlockPercent)
        {
            yield return new ValidationResult("The mid-course exam cannot open after the final one.", [nameof(MidExamUnlockPercent)]);
        }
    }
}
