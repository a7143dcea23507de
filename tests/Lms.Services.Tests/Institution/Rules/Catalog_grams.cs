using Lms.Institution.Catalog;

namespace Lms.Services.Tests.Institution.Rules;

public sealed class Catalog_grams
{
    [Fact]
    public void A_text_is_indexed_by_each_lower_cased_character_and_each_neighbour_pair_within_its_words()
    {
        var grams = CatalogGrams.Of("Excel 실무");

        Assert.Equal(["e", "ex", "x", "xc", "c", "ce", "el", "l", "실", "실무", "무"], grams.ToList());
        // No pair across the space: "l실" is not in the text as a substring either.
        Assert.DoesNotContain("l실", grams);
    }

    [Fact]
    public void A_query_needs_the_pairs_of_its_words_and_a_one_character_word_itself()
    {
        Assert.Equal(["데이", "이터"], CatalogGrams.OfQuery("데이터"));
        Assert.Equal(["엑셀", "실무"], CatalogGrams.OfQuery(" 엑셀  실무 "));
        Assert.Equal(["무"], CatalogGrams.OfQuery("무"));
        Assert.Equal(["ab", "x"], CatalogGrams.OfQuery("AB x"));
        Assert.Empty(CatalogGrams.OfQuery("   "));
    }

    [Theory]
    [InlineData("무", true)]
    [InlineData("실무", true)]
    [InlineData("Ex", true)]
    [InlineData("데이터", false)]
    [InlineData("실 무", false)]
    public void Only_a_single_word_of_one_or_two_characters_is_matched_by_its_gram_alone(string query, bool exact) =>
        Assert.Equal(exact, CatalogGrams.IsExact(query));

    [Fact]
    public void A_character_outside_the_basic_plane_is_one_character_of_a_gram()
    {
        Assert.Equal(["😀", "😀a", "a"], CatalogGrams.Of("😀A").ToList());
    }

    [Fact]
    public void A_gram_of_both_the_title_and_the_institution_name_is_one_row_with_both_sources()
    {
        var rows = CatalogIndex.RowsOf("안전 교육", "교육원").ToDictionary(r => r.Gram, r => r.Sources);

        Assert.Equal(CatalogGram.FromTitle | CatalogGram.FromInstitution, rows["교육"]);
        Assert.Equal(CatalogGram.FromTitle, rows["안전"]);
        Assert.Equal(CatalogGram.FromInstitution, rows["육원"]);
    }
}
