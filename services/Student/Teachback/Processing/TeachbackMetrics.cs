using System.Diagnostics.Metrics;
using Lms.Student.Teachback.Submissions;

namespace Lms.Student.Teachback.Processing;

/// <summary>
/// Teach-back outcomes (meter <c>Lms.Student</c>), counted when a submission's final status is committed: how many end
/// in each status, and how long a learner waited from submitting to that result.
/// </summary>
public sealed class TeachbackMetrics
{
    public const string MeterName = "Lms.Student";

    private readonly Counter<long> _finished;
    private readonly Histogram<double> _duration;

    public TeachbackMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _finished = meter.CreateCounter<long>("lms.teachback.submissions", "{submission}",
            "Teach-back submissions that reached a final status, by lms.teachback.status: SUCCEEDED, NO_SPEECH, FAILED, TIMED_OUT");
        _duration = meter.CreateHistogram<double>("lms.teachback.duration", "s",
            "From submitting to the final status, by lms.teachback.status");
    }

    public void Finished(TeachbackSubmission submission)
    {
        var status = new KeyValuePair<string, object?>("lms.teachback.status", submission.Status);
        _finished.Add(1, status);
        if (submission.FinishedAt is { } finished)
        {
            _duration.Record(Math.Max(0, (finished - submission.CreatedAt).TotalSeconds), status);
        }
    }
}
