using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;

namespace Lms.Deploy;

/// <summary>
/// The services' OpenTelemetry metrics as CloudWatch holds them: the collector writes them in embedded metric format to
/// namespace <c>LMS/{stage}</c>, each with the dimension <c>service.name</c> (and a second one where a metric's meaning
/// depends on it, <see cref="TelemetryCollector"/>). Names are those of docs/OPERATIONS.md, "Metrics".
/// </summary>
public sealed class PlatformMetrics(DeploySettings settings)
{
    public const string ServiceDimension = "service.name";

    public string Namespace => $"LMS/{settings.Stage}";

    public Metric Of(string service, string name, string statistic, Duration period, string? label = null,
        IReadOnlyDictionary<string, string>? more = null)
    {
        var dimensions = new Dictionary<string, string> { [ServiceDimension] = service };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            dimensions[key] = value;
        }
        return new Metric(new MetricProps
        {
            Namespace = Namespace,
            MetricName = name,
            DimensionsMap = dimensions,
            Statistic = statistic,
            Period = period,
            Label = label ?? $"{service} {name}",
        });
    }
}
