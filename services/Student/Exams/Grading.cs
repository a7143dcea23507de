using System.Globalization;
using System.Text;
using Lms.Contracts.Exams;

namespace Lms.Student.Exams;

/// <summary>A learner's answer to one question: chosen options, or a short text.</summary>
public sealed record AttemptAnswer(Guid QuestionId, IReadOnlyList<Guid> OptionIds, string? Text);

public sealed record QuestionResult(Guid QuestionId, decimal Earned, int Points);

public sealed record GradeResult(decimal Score, IReadOnlyList<QuestionResult> Questions);

/// <summary>
/// Server-side grading. The score is the points earned over the points possible, 0–100. A single choice earns its
/// points only for the correct option; a multiple choice earns its share of correct choices less wrong ones (never
/// below zero); a short answer earns its points when it matches an accepted answer after normalization.
/// </summary>
public static class Grading
{
    public static GradeResult Grade(IReadOnlyList<ExamQuestionSnapshot> paper, IReadOnlyList<AttemptAnswer> answers)
    {
        var byQuestion = answers.ToDictionary(a => a.QuestionId);
        var results = paper.Select(q => new QuestionResult(q.QuestionId,
            byQuestion.TryGetValue(q.QuestionId, out var answer) ? Earned(q, answer) : 0m, q.Points)).ToList();
        var possible = results.Sum(r => r.Points);
        var score = possible == 0 ? 0m : Math.Round(100m * results.Sum(r => r.Earned) / possible, 2);
        return new GradeResult(score, results);
    }

    public static decimal Earned(ExamQuestionSnapshot question, AttemptAnswer answer)
    {
        var correct = question.Options.Where(o => o.Correct).Select(o => o.OptionId).ToHashSet();
        var chosen = answer.OptionIds.ToHashSet();
        switch (question.Kind)
        {
            case QuestionKinds.SingleChoice:
                return chosen.Count == 1 && correct.SetEquals(chosen) ? question.Points : 0m;
            case QuestionKinds.MultipleChoice:
                if (correct.Count == 0)
                {
                    return 0m;
                }

                var right = chosen.Count(correct.Contains);
                var wrong = chosen.Count - right;
                return Math.Round(question.Points * Math.Max(0m, (decimal)(right - wrong) / correct.Count), 2);
            default:
                var given = Normalize(answer.Text);
                return given.Length > 0 && question.AcceptedAnswers.Any(a => Normalize(a) == given) ? question.Points : 0m;
        }
    }

    /// <summary>Case, width, surrounding and repeated spaces, and Unicode composition do not matter.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var composed = text.Normalize(NormalizationForm.FormKC);
        var words = composed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', words).ToLower(CultureInfo.InvariantCulture);
    }
}
