namespace Lms.Institution.Catalog;

/// <summary>
/// The number of published courses of one category, kept by <see cref="CatalogIndex"/> in the same transaction as the
/// course writes that change it. The catalog's total without text is the sum of 25 rows (or one) instead of a
/// COUNT over every published course: measured at 100,000 courses, 40–50 ms on this machine under load.
/// </summary>
public sealed class CatalogTotal
{
    public string CategoryCode { get; init; } = string.Empty;

    public int Published { get; init; }
}
