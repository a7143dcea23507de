using System.Globalization;
using System.Text.RegularExpressions;

namespace Lms.Institution.Dashboard;

/// <summary>The query-string values dashboards take, read here so a bad one is a 400 naming its field.</summary>
public static partial class DashboardInput
{
    public const int FirstYear = 2000;

    public const int LastYear = 2100;

    public static bool TryYear(string? text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= FirstYear and <= LastYear;

    /// <summary>YYYY-MM as yyyymm.</summary>
    public static bool TryMonth(string? text, out int month)
    {
        month = 0;
        if (text is null || !MonthPattern().IsMatch(text))
        {
            return false;
        }

        var year = int.Parse(text[..4], CultureInfo.InvariantCulture);
        var number = int.Parse(text[5..], CultureInfo.InvariantCulture);
        if (year is < FirstYear or > LastYear || number is < 1 or > 12)
        {
            return false;
        }

        month = (year * 100) + number;
        return true;
    }

    public static string MonthText(int month) => $"{month / 100:D4}-{month % 100:D2}";

    public static decimal Rate(int part, int whole) => whole == 0 ? 0 : Math.Round(part * 100m / whole, 2);

    public static decimal Average(decimal sum, int count) => count == 0 ? 0 : Math.Round(sum / count, 2);

    public static decimal? AverageOrNull(decimal sum, int count) => count == 0 ? null : Math.Round(sum / count, 2);

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex MonthPattern();
}
