namespace Lms.ServiceDefaults.Http;

/// <summary>
/// A page of a list: <c>{items, page, size, total}</c>. Lists take <c>?page=1&amp;size=20</c> with size at most
/// 100, so no list is unbounded.
/// </summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int Size, int Total);
