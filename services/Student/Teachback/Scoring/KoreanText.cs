using System.Globalization;
using System.Text;

namespace Lms.Student.Teachback.Scoring;

/// <summary>
/// Korean-aware matching of words in an explanation. Korean attaches particles to words (안전모<b>를</b>, 안전모<b>는</b>)
/// and spacing varies (산업 안전 / 산업안전), so words are compared with particles taken off and inside text whose
/// spaces and punctuation are removed.
/// </summary>
public static class KoreanText
{
    // Longest first, so 에서 is taken off before 서 could be considered, and 으로 before 로.
    private static readonly string[] Particles =
    [
        "에서는", "에게서", "으로는", "으로서", "으로써", "이라고", "에서", "에게", "한테", "으로", "까지", "부터", "처럼", "보다", "이나", "이랑", "하고",
        "라고", "이며", "이고", "에는", "와는", "과는", "로는", "은", "는", "이", "가", "을", "를", "에", "의", "로", "와", "과", "도", "만", "나", "며", "고",
    ];

    // The endings of 하다/되다 verbs and the copula in a key point (착용한다): the explanation says it its own way (착용합니다, 착용해야).
    private static readonly string[] Endings = ["합니다", "됩니다", "입니다", "한다", "된다", "하다", "되다", "해야", "하는", "되는", "했다", "이다"];

    /// <summary>Lower case, composed Hangul, and only letters and digits: what two spellings of one phrase share.</summary>
    public static string Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// The words of a key point, compacted, each without a trailing particle or verb ending (a word is never reduced below
    /// one syllable): the stems an explanation must contain.
    /// </summary>
    public static IReadOnlyList<string> Words(string phrase) =>
        [.. phrase.Normalize(NormalizationForm.FormC)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(Compact)
            .Where(w => w.Length > 0)
            .Select(w => StripEnding(StripParticle(w)))
            .Distinct(StringComparer.Ordinal)];

    public static string StripParticle(string word)
    {
        if (!IsHangul(word[^1]))
        {
            return word;
        }

        foreach (var particle in Particles)
        {
            if (word.Length > particle.Length && word.EndsWith(particle, StringComparison.Ordinal))
            {
                return word[..^particle.Length];
            }
        }
        return word;
    }

    public static string StripEnding(string word)
    {
        foreach (var ending in Endings)
        {
            if (word.Length > ending.Length && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }
        return word;
    }

    private static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3';
}
