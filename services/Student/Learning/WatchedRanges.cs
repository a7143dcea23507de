namespace Lms.Student.Learning;

/// <summary>A stretch of a video, in seconds from its start.</summary>
public sealed record WatchedRange(double Start, double End)
{
    public double Length => End - Start;
}

/// <summary>
/// The parts of a video a learner has really watched, kept as sorted, disjoint ranges: watching the same minute
/// twice counts it once.
/// </summary>
public static class WatchedRanges
{
    /// <summary>The union of <paramref name="ranges"/> and <paramref name="added"/>, merged where they touch or overlap.</summary>
    public static IReadOnlyList<WatchedRange> Add(IReadOnlyList<WatchedRange> ranges, WatchedRange added)
    {
        if (added.Length <= 0)
        {
            return ranges;
        }

        var merged = new List<WatchedRange>(ranges.Count + 1);
        var pending = added;
        foreach (var range in ranges)
        {
            if (range.End < pending.Start)
            {
                merged.Add(range);
            }
            else if (pending.End < range.Start)
            {
                merged.Add(pending);
                pending = range;
            }
            else
            {
                pending = new WatchedRange(Math.Min(range.Start, pending.Start), Math.Max(range.End, pending.End));
            }
        }

        merged.Add(pending);
        return merged;
    }

    public static double Total(IReadOnlyList<WatchedRange> ranges) => ranges.Sum(r => r.Length);
}
