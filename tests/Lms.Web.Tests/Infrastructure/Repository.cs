namespace Lms.Web.Tests.Infrastructure;

public static class Repository
{
    /// <summary>The clone's root (the folder with <c>web/package.json</c>), found from the test assembly's folder.</summary>
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    private static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "web", "package.json")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No web/package.json above {start}.");
    }
}
