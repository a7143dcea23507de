using Lms.Contracts.Exams;

namespace Lms.Institution.Exams;

/// <summary>A question as a manager sends it: the id of an existing question to keep, none for a new one.</summary>
public sealed record QuestionRequest(
    Guid? Id,
    string? Kind,
    string? Text,
    int Points,
    IReadOnlyList<OptionRequest?>? Options = null,
    IReadOnlyList<string?>? Answers = null,
    string? Explanation = null);

public sealed record OptionRequest(Guid? Id, string? Text, bool Correct);

/// <summary>
/// The rules of an exam's questions and how a request becomes the exam's next question list. Every offending
/// entry is named by its path in the request (<c>questions[2].options[1].text</c>).
/// </summary>
public static class QuestionSheet
{
    public const int MaxQuestions = 200;
    public const int MaxTextLength = 2000;
    public const int MinPoints = 1;
    public const int MaxPoints = 100;
    public const int MinOptions = 2;
    public const int MaxOptions = 10;
    public const int MaxOptionLength = 500;
    public const int MaxAnswers = 20;
    public const int MaxAnswerLength = 200;
    public const int MaxExplanationLength = 4000;

    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal)
    {
        QuestionKinds.SingleChoice, QuestionKinds.MultipleChoice, QuestionKinds.ShortAnswer,
    };

    /// <summary>The rules that need only the request: counts, lengths, and each kind's shape. Tolerates missing parts.</summary>
    public static IEnumerable<(string Field, string Message)> Check(IReadOnlyList<QuestionRequest?>? questions)
    {
        if (questions is null)
        {
            yield break;
        }

        if (questions.Count is 0 or > MaxQuestions)
        {
            yield return ("questions", $"An exam has 1 to {MaxQuestions} questions.");
        }

        for (var q = 0; q < questions.Count; q++)
        {
            foreach (var error in CheckQuestion(questions[q], $"questions[{q}]"))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<(string Field, string Message)> CheckQuestion(QuestionRequest? question, string path)
    {
        if (question is null)
        {
            yield return (path, "A question is missing here.");
            yield break;
        }

        if (question.Kind is null || !Kinds.Contains(question.Kind))
        {
            yield return ($"{path}.kind", "Use SINGLE, MULTIPLE or SHORT.");
        }
        if (string.IsNullOrWhiteSpace(question.Text) || question.Text.Length > MaxTextLength)
        {
            yield return ($"{path}.text", $"A question needs a text of at most {MaxTextLength} characters.");
        }
        if (question.Points is < MinPoints or > MaxPoints)
        {
            yield return ($"{path}.points", $"A question is worth {MinPoints} to {MaxPoints} points.");
        }
        if (question.Explanation is { Length: > MaxExplanationLength })
        {
            yield return ($"{path}.explanation", $"An explanation has at most {MaxExplanationLength} characters.");
        }

        var options = question.Options ?? [];
        var answers = question.Answers ?? [];
        switch (question.Kind)
        {
            case QuestionKinds.SingleChoice or QuestionKinds.MultipleChoice:
                foreach (var error in CheckOptions(question.Kind, options, path))
                {
                    yield return error;
                }
                if (answers.Count > 0)
                {
                    yield return ($"{path}.answers", "Only a short-answer question has accepted answers; mark the correct options instead.");
                }
                break;
            case QuestionKinds.ShortAnswer:
                if (options.Count > 0)
                {
                    yield return ($"{path}.options", "A short-answer question has no options.");
                }
                if (answers.Count is 0 or > MaxAnswers)
                {
                    yield return ($"{path}.answers", $"A short-answer question accepts 1 to {MaxAnswers} answers.");
                }
                for (var a = 0; a < answers.Count; a++)
                {
                    if (string.IsNullOrWhiteSpace(answers[a]) || answers[a]!.Length > MaxAnswerLength)
                    {
                        yield return ($"{path}.answers[{a}]", $"An accepted answer is not blank and has at most {MaxAnswerLength} characters.");
                    }
                }
                break;
        }
    }

    private static IEnumerable<(string Field, string Message)> CheckOptions(string kind, IReadOnlyList<OptionRequest?> options, string path)
    {
        if (options.Count is < MinOptions or > MaxOptions)
        {
            yield return ($"{path}.options", $"A choice question has {MinOptions} to {MaxOptions} options.");
        }

        for (var o = 0; o < options.Count; o++)
        {
            var option = options[o];
            if (option is null)
            {
                yield return ($"{path}.options[{o}]", "An option is missing here.");
            }
            else if (string.IsNullOrWhiteSpace(option.Text) || option.Text.Length > MaxOptionLength)
            {
                yield return ($"{path}.options[{o}].text", $"An option needs a text of at most {MaxOptionLength} characters.");
            }
        }

        var correct = options.Count(o => o?.Correct == true);
        if (kind == QuestionKinds.SingleChoice && correct != 1)
        {
            yield return ($"{path}.options", "A single-choice question has exactly one correct option.");
        }
        else if (kind == QuestionKinds.MultipleChoice && correct == 0)
        {
            yield return ($"{path}.options", "A multiple-choice question has at least one correct option.");
        }
    }

    /// <summary>
    /// Builds the exam's next questions from a request that passed <see cref="Check"/>: kept ids must be the exam's own
    /// questions and options and appear once; the others get new ids. The order given is the order kept.
    /// </summary>
    public static (IReadOnlyList<ExamQuestion>? Questions, Dictionary<string, string[]> Errors) Plan(
        IReadOnlyList<ExamQuestion> current, IReadOnlyList<QuestionRequest?> requested)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var knownQuestions = current.Select(q => q.Id).ToHashSet();
        var knownOptions = current.SelectMany(q => q.Options).Select(o => o.Id).ToHashSet();
        var seen = new HashSet<Guid>();

        var questions = new List<ExamQuestion>(requested.Count);
        for (var q = 0; q < requested.Count; q++)
        {
            if (requested[q] is not { } question)
            {
                errors[$"questions[{q}]"] = ["A question is missing here."];
                continue;
            }

            CheckId(question.Id, knownQuestions, seen, $"questions[{q}].id", errors);
            var choice = question.Kind is QuestionKinds.SingleChoice or QuestionKinds.MultipleChoice;
            var options = new List<ExamOption>();
            var optionRequests = choice ? question.Options ?? [] : [];
            for (var o = 0; o < optionRequests.Count; o++)
            {
                if (optionRequests[o] is { } option)
                {
                    CheckId(option.Id, knownOptions, seen, $"questions[{q}].options[{o}].id", errors);
                    options.Add(new ExamOption(option.Id ?? Guid.CreateVersion7(), option.Text?.Trim() ?? string.Empty, option.Correct));
                }
            }

            var answers = choice ? [] : (question.Answers ?? []).Select(a => a?.Trim() ?? string.Empty).ToList();
            var explanation = string.IsNullOrWhiteSpace(question.Explanation) ? null : question.Explanation.Trim();
            questions.Add(new ExamQuestion(question.Id ?? Guid.CreateVersion7(), question.Kind ?? string.Empty, question.Text?.Trim() ?? string.Empty,
                question.Points, options, answers, explanation));
        }

        return errors.Count == 0 ? (questions, errors) : (null, errors);
    }

    private static void CheckId(Guid? id, HashSet<Guid> known, HashSet<Guid> seen, string path, Dictionary<string, string[]> errors)
    {
        if (id is not { } value)
        {
            return;
        }

        if (!known.Contains(value))
        {
            errors[path] = ["This id is not part of the exam; leave it out to add a new one."];
        }
        else if (!seen.Add(value))
        {
            errors[path] = ["This id appears twice."];
        }
    }
}
