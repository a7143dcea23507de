using System.Text;

namespace Lms.Institution.Catalog;

/// <summary>
/// The n-grams of the catalog's search index. MariaDB has no n-gram FULLTEXT parser and its built-in one splits on
/// spaces only, so a Korean word (조사 attached, compounds written together) is found by whole words at best. Instead
/// the index holds, per word of the lower-cased text, every character alone and every pair of neighbours. A query
/// then needs all of its own grams, which keeps the candidates few, and is confirmed by the substring test.
/// </summary>
/// <remarks>
/// Single characters are indexed too so that a 1-character query is one exact lookup, like a 2-character one,
/// instead of a prefix scan over every pair that starts with it (or a full scan). Characters are Unicode scalar
/// values (<see cref="Rune"/>), so a gram never splits a surrogate pair and fits the column's two characters.
/// </remarks>
public static class CatalogGrams
{
    public const int MaxLength = 2;

    /// <summary>The distinct grams of a course's searchable text.</summary>
    public static IReadOnlySet<string> Of(string text)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            for (var i = 0; i < word.Length; i++)
            {
                grams.Add(word[i]);
                if (i + 1 < word.Length)
                {
                    grams.Add(word[i] + word[i + 1]);
                }
            }
        }
        return grams;
    }

    /// <summary>
    /// The grams every match of <paramref name="query"/> must have: each pair of neighbours in its words, and the
    /// character itself for a 1-character word. Empty for a query without words.
    /// </summary>
    public static IReadOnlyList<string> OfQuery(string query)
    {
        var grams = new List<string>();
        foreach (var word in Words(query))
        {
            if (word.Length == 1)
            {
                grams.Add(word[0]);
            }
            for (var i = 0; i + 1 < word.Length; i++)
            {
                grams.Add(word[i] + word[i + 1]);
            }
        }
        return [.. grams.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// True when having the one gram is the same as containing the query: a single word of one or two characters.
    /// (A pair of characters without a space can only sit inside one word of the text.)
    /// </summary>
    public static bool IsExact(string query) => Words(query).ToList() is [{ Length: 1 or 2 }];

    private static IEnumerable<string[]> Words(string text) =>
        text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.EnumerateRunes().Select(rune => rune.ToString()).ToArray());
}
