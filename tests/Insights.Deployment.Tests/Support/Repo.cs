namespace Insights.Deployment.Tests.Support;

/// <summary>Paths in the repository: the nearest folder above the test binaries that holds Insights.sln.</summary>
public static class Repo
{
    private static readonly Lazy<string> RootPath = new(Find);

    public static string Root => RootPath.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>A path relative to the root with '/' separators, for messages.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    /// <summary>Source files of the deployed code: every *.cs outside tests, benchmarks and build output.</summary>
    public static IEnumerable<string> ProductionSources() =>
        Directory.EnumerateFiles(Root, "*.cs", SearchOption.AllDirectories)
            .Where(f =>
            {
                var relative = Relative(f);
                return !relative.StartsWith("tests/", StringComparison.Ordinal)
                    && !relative.StartsWith("Benchmarks/", StringComparison.Ordinal)
                    && !relative.StartsWith(".local/", StringComparison.Ordinal)
                    && !relative.Contains("/bin/", StringComparison.Ordinal)
                    && !relative.Contains("/obj/", StringComparison.Ordinal);
            });

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Insights.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Insights.sln above {AppContext.BaseDirectory}: cannot find the repository root.");
    }
}
