using System.Diagnostics;

namespace Lms.Load;

/// <summary>
/// A benchmark that lives in its own tool (it hosts a service, or drives processes of its own): run as a child
/// process, its output shown as it comes, and the lines it prints as <c>FIGURE|…</c> taken into the harness's table.
/// </summary>
public static class ToolScenario
{
    public static async Task RunAsync(string scenario, Figures figures, string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        Console.WriteLine($"  $ {fileName} {string.Join(' ', start.ArgumentList)}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var errors = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                Console.WriteLine($"    ! {line}");
            }
        });
        var found = 0;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (figures.TryAddPrinted(scenario, line))
            {
                found++;
            }
            else
            {
                Console.WriteLine($"    {line}");
            }
        }
        await process.WaitForExitAsync();
        await errors;
        if (process.ExitCode != 0)
        {
            figures.Add(new Figure(scenario, $"{Path.GetFileName(fileName)} {start.ArgumentList.FirstOrDefault()}", $"failed (exit {process.ExitCode}); its output is above", "", "", false));
        }
        else if (found == 0)
        {
            figures.Add(new Figure(scenario, Path.GetFileName(fileName), "finished without printing figures; see its output above"));
        }
    }
}
