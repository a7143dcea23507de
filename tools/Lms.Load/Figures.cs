using System.Globalization;

namespace Lms.Load;

/// <summary>One line of the harness's table: a measured value beside its baseline from the same run and the aim it answers.</summary>
public sealed record Figure(string Scenario, string Measure, string Value, string Baseline = "", string Aim = "", bool? Met = null);

/// <summary>Every scenario's figures, printed together at the end as one Markdown table.</summary>
public sealed class Figures
{
    private readonly List<Figure> _figures = [];

    public void Add(Figure figure)
    {
        _figures.Add(figure);
        Console.WriteLine($"  = {figure.Measure}: {figure.Value}{(figure.Baseline.Length > 0 ? $" (baseline {figure.Baseline})" : "")}{Verdict(figure)}");
    }

    /// <summary>A line a benchmark tool printed as <c>FIGURE|measure|value|baseline|aim|met</c> (met: yes, no or empty).</summary>
    public bool TryAddPrinted(string scenario, string line)
    {
        if (!line.StartsWith("FIGURE|", StringComparison.Ordinal))
        {
            return false;
        }
        var parts = line.Split('|');
        string Part(int i) => i < parts.Length ? parts[i].Trim() : string.Empty;
        Add(new Figure(scenario, Part(1), Part(2), Part(3), Part(4), Part(5) switch { "yes" => true, "no" => false, _ => null }));
        return true;
    }

    public void Write(TextWriter writer)
    {
        writer.WriteLine("| scenario | measure | value | baseline (same run) | aim | met |");
        writer.WriteLine("|---|---|---|---|---|---|");
        foreach (var f in _figures)
        {
            writer.WriteLine($"| {f.Scenario} | {f.Measure} | {f.Value} | {f.Baseline} | {f.Aim} | {f.Met switch { true => "yes", false => "**no**", null => "" }} |");
        }
    }

    private static string Verdict(Figure figure) => figure.Met switch { true => "  [aim met]", false => "  [aim NOT met]", null => "" };

    public static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Rate(double value) => value.ToString("#,0", CultureInfo.InvariantCulture) + "/s";

    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "×";
}
