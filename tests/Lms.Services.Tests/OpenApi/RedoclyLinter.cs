using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Lms.Services.Tests.OpenApi;

/// <summary>
/// Redocly CLI (npm <c>@redocly/cli</c>), which <c>./lms test</c> installs into <c>.local/node</c>; <c>LMS_REDOCLY</c>
/// may name its <c>cli.js</c> elsewhere. Run with its recommended rules, offline (no telemetry, no update check).
/// </summary>
public static class RedoclyLinter
{
    public sealed record Problem(string RuleId, string Severity, string Message, string Where);

    public sealed record Report(int Errors, int Warnings, IReadOnlyList<Problem> Problems);

    public static async Task<Report> LintAsync(IReadOnlyList<string> files, TimeSpan timeout)
    {
        var folder = Path.GetDirectoryName(files[0])!;
        var config = Path.Combine(folder, "redocly.yaml");
        await File.WriteAllTextAsync(config, "extends:\n  - recommended\n");

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var argument in (string[])[CliPath(), "lint", "--config", config, "--format", "json", .. files])
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Redocly did not finish within {timeout}.");
        }

        // One report per document, written one after another.
        var json = Encoding.UTF8.GetBytes(await output);
        var first = Array.IndexOf(json, (byte)'{');
        if (first < 0)
        {
            throw new InvalidOperationException($"Redocly wrote no report (exit {process.ExitCode}): {await errors}");
        }

        return Parse(json.AsSpan(first));
    }

    private static Report Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowMultipleValues = true });
        int errorCount = 0, warningCount = 0;
        var problems = new List<Problem>();
        while (reader.Read())
        {
            using var report = JsonDocument.ParseValue(ref reader);
            var totals = report.RootElement.GetProperty("totals");
            errorCount += totals.GetProperty("errors").GetInt32();
            warningCount += totals.GetProperty("warnings").GetInt32();
            problems.AddRange(report.RootElement.GetProperty("problems").EnumerateArray().Select(p => new Problem(
                p.GetProperty("ruleId").GetString() ?? "",
                p.GetProperty("severity").GetString() ?? "",
                p.GetProperty("message").GetString() ?? "",
                p.TryGetProperty("location", out var location) && location.GetArrayLength() > 0
                    ? $"{location[0].GetProperty("source").GetProperty("ref").GetString()} {location[0].GetProperty("pointer").GetString()}"
                    : "")));
        }

        return new Report(errorCount, warningCount, problems);
    }

    private static string CliPath()
    {
        if (Environment.GetEnvironmentVariable("LMS_REDOCLY") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var cli = Path.Combine(folder.FullName, ".local", "node", "node_modules", "@redocly", "cli", "bin", "cli.js");
            if (File.Exists(cli))
            {
                return cli;
            }
        }

        throw new FileNotFoundException("Redocly CLI is not installed: ./lms test installs it, or run "
            + "`npm install --prefix .local/node @redocly/cli@" + Version + "` in the repository (or set LMS_REDOCLY to its bin/cli.js).");
    }

    /// <summary>The version the scripts install (scripts/tests.sh); tested on this project's Node 20.</summary>
    public const string Version = "2.77.0";
}
