using System.Text.RegularExpressions;

namespace Lms.Deploy.Tests;

/// <summary>Files of this repository, found from the test's output folder upwards.</summary>
public static class Repository
{
    private static readonly string[] NotSources = [".git", ".local", "artifacts", "node_modules", "bin", "obj", "cdk.out"];

    public static string Root { get; } = FindRoot();

    private static readonly Lazy<List<string>> Files = new(ListFiles);

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>
    /// A file or folder that exists; a pattern (<c>services/Identity/**</c>, <c>Directory.*.props</c>) must match at
    /// least one source file, so a filter naming a renamed folder is caught.
    /// </summary>
    public static bool Exists(string relative)
    {
        if (relative.StartsWith("./", StringComparison.Ordinal))
        {
            relative = relative[2..];
        }
        if (relative.IndexOfAny(['*', '?']) < 0)
        {
            var path = PathOf(relative.TrimEnd('/'));
            return File.Exists(path) || Directory.Exists(path);
        }
        var pattern = new Regex("^" + Regex.Escape(relative)
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$");
        return Files.Value.Exists(pattern.IsMatch);
    }

    private static List<string> ListFiles()
    {
        var files = new List<string>();
        var pending = new Stack<string>([Root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                if (!NotSources.Contains(Path.GetFileName(sub)))
                {
                    pending.Push(sub);
                }
            }
            files.AddRange(Directory.EnumerateFiles(dir).Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/')));
        }
        return files;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Microservices.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Microservices.sln above {AppContext.BaseDirectory}");
    }
}
