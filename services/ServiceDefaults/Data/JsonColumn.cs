using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lms.ServiceDefaults.Data;

/// <summary>
/// A value stored as one JSON document in its row: for data that is always read and replaced whole (a course's
/// structure, a roster, a history), where separate tables would only add joins.
/// </summary>
public static class JsonColumn
{
    public static ValueConverter<T, string> Converter<T>() => new(
        value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web),
        json => JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web)!);

    public static ValueComparer<T> Comparer<T>() => new(
        (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
        value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!);
}
