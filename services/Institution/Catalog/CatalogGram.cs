namespace Lms.Institution.Catalog;

/// <summary>
/// One row of the catalog's search index: a gram (<see cref="CatalogGrams"/>) of a published course's title or of
/// its institution's name. The course's <see cref="UpdatedAt"/> is part of the key so that the grams of one query
/// are read in the catalog's order (newest change first) straight from the index and a page stops early.
/// </summary>
public sealed class CatalogGram
{
    /// <summary>The gram came from the course's title.</summary>
    public const byte FromTitle = 1;

    /// <summary>The gram came from the institution's name (a rename replaces only these).</summary>
    public const byte FromInstitution = 2;

    public string Gram { get; init; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; init; }

    public Guid CourseId { get; init; }

    /// <summary><see cref="FromTitle"/> and/or <see cref="FromInstitution"/>.</summary>
    public byte Sources { get; init; }
}
