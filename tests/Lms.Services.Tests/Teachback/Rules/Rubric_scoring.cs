using Lms.Student.Teachback.Scoring;

namespace Lms.Services.Tests.Teachback.Rules;

/// <summary>The offline scorer: Korean explanations against a topic's key points.</summary>
public sealed class Rubric_scoring
{
    private static readonly IReadOnlyList<string> KeyPoints =
    [
        "안전모는 현장에서 항상 착용한다",
        "추락 위험이 있는 곳에는 안전대를 건다",
        "산업안전보건법은 사업주의 안전조치 의무를 정한다",
    ];

    private static ScoringResult Score(string explanation, IReadOnlyDictionary<string, IReadOnlyList<string>>? synonyms = null) =>
        RubricScorer.Score(new ScoringInput("현장 안전 수칙", KeyPoints, synonyms ?? new Dictionary<string, IReadOnlyList<string>>(), "ko", explanation));

    [Fact]
    public void An_explanation_covering_every_point_scores_100_with_each_point_a_strength_by_its_number()
    {
        var result = Score("현장에서는 안전모를 항상 착용해야 합니다. 추락 위험이 있는 곳에서는 반드시 안전대를 걸어야 하고, " +
                           "산업안전보건법은 사업주에게 안전조치 의무를 부과합니다.");

        Assert.Equal(100, result.Score);
        Assert.Equal(["핵심 내용 1번(3개 중)을 설명했습니다", "핵심 내용 2번(3개 중)을 설명했습니다", "핵심 내용 3번(3개 중)을 설명했습니다"], result.Strengths);
        Assert.Empty(result.Weaknesses);
    }

    [Fact]
    public void Particles_and_spacing_do_not_hide_a_point()
    {
        // 안전모를 / 안 전 모 spacing, 현장에선, 착용하세요: the words of the point with other particles, endings and spacing.
        var result = Score("안전모를  현장 에서   항상착용하세요. 산업 안전 보건법 이 사업주 의 안전 조치 의무 를 정하고 있어요.");

        Assert.Contains(result.Strengths, s => s.StartsWith("핵심 내용 1번", StringComparison.Ordinal));
        Assert.Contains(result.Strengths, s => s.StartsWith("핵심 내용 3번", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missed_point_is_a_weakness_by_its_number_never_by_the_rubrics_words()
    {
        var result = Score("현장에서는 안전모를 항상 착용합니다. 산업안전보건법은 사업주의 안전조치 의무를 정합니다.");

        Assert.Equal(67, result.Score);
        Assert.Equal(["빠진 핵심 내용: 2번(3개 중)"], result.Weaknesses);
        Assert.DoesNotContain(result.Strengths.Concat(result.Weaknesses), s => KeyPoints.Any(p => s.Contains(p, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_synonym_the_topic_lists_counts_as_the_word()
    {
        IReadOnlyList<string> points = ["산업안전보건법", "안전대 착용"];
        var synonyms = new Dictionary<string, IReadOnlyList<string>> { ["산업안전보건법"] = ["산안법"], ["안전대"] = ["안전벨트", "하네스"] };
        const string explanation = "산안법과 하네스 착용을 설명합니다.";

        var without = RubricScorer.Score(new ScoringInput("보호구", points, new Dictionary<string, IReadOnlyList<string>>(), "ko", explanation));
        var with = RubricScorer.Score(new ScoringInput("보호구", points, synonyms, "ko", explanation));

        Assert.Equal(25, without.Score);
        Assert.Equal(100, with.Score);
        Assert.Equal(2, with.Strengths.Count);
    }

    [Fact]
    public void An_unrelated_explanation_scores_0_with_every_point_missed()
    {
        var result = Score("오늘 점심은 김치찌개를 먹었습니다.");

        Assert.Equal(0, result.Score);
        Assert.Empty(result.Strengths);
        Assert.Equal(3, result.Weaknesses.Count);
        Assert.All(result.Weaknesses, w => Assert.StartsWith("빠진 핵심 내용", w, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("안전모는", "안전모")]
    [InlineData("현장에서", "현장")]
    [InlineData("사업주의", "사업주")]
    [InlineData("안전대를", "안전대")]
    [InlineData("법으로", "법")]
    [InlineData("물", "물")]
    [InlineData("ISO9001", "ISO9001")]
    public void A_trailing_particle_is_taken_off_a_word(string word, string stem) =>
        Assert.Equal(stem, KoreanText.StripParticle(word));

    [Fact]
    public void A_key_point_is_reduced_to_stems_an_explanation_can_contain() =>
        Assert.Equal(["안전모", "현장", "항상", "착용"], KoreanText.Words("안전모는 현장에서 항상 착용한다."));

    [Fact]
    public void Compacting_removes_spaces_and_punctuation_and_lowers_case() =>
        Assert.Equal("산업안전보건법ppe", KoreanText.Compact("산업 안전·보건법, PPE!"));
}
