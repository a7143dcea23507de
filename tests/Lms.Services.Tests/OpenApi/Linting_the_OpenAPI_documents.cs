using System.Diagnostics;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Xunit.Abstractions;

namespace Lms.Services.Tests.OpenApi;

/// <summary>
/// Client generators and the suites built from the documents need documents an outside linter accepts: Redocly's
/// recommended rules with no errors. Warnings are printed (with their rules) but allowed.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Linting_the_OpenAPI_documents(Platform platform, ITestOutputHelper output)
{
    [Fact]
    public async Task Redocly_recommended_rules_find_no_error_in_any_of_the_seven_documents()
    {
        var documents = await ServiceDocuments.FetchAsync(platform);
        var folder = Directory.CreateTempSubdirectory("lms-openapi-").FullName;
        var files = new List<string>();
        foreach (var (service, document) in documents)
        {
            var file = Path.Combine(folder, $"{service}.json");
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(document));
            files.Add(file);
        }

        var timer = Stopwatch.StartNew();
        var report = await RedoclyLinter.LintAsync(files, TimeSpan.FromSeconds(60));

        output.WriteLine($"Redocly {RedoclyLinter.Version}, recommended rules, {files.Count} documents in {timer.Elapsed.TotalSeconds:F1} s: "
            + $"{report.Errors} errors, {report.Warnings} warnings");
        foreach (var rule in report.Problems.GroupBy(p => (p.Severity, p.RuleId)).OrderBy(g => g.Key.Severity).ThenBy(g => g.Key.RuleId))
        {
            output.WriteLine($"  {rule.Key.Severity} {rule.Key.RuleId}: {rule.Count()} ({string.Join(", ", rule.Select(p => p.Where))})");
        }

        Assert.Equal(7, files.Count);
        Assert.True(report.Errors == 0, "Redocly errors:\n" + string.Join('\n', report.Problems
            .Where(p => p.Severity == "error").Select(p => $"{p.Where}: {p.RuleId}: {p.Message}")));
        Directory.Delete(folder, recursive: true);
    }
}
