namespace Insights.Testing;

/// <summary>The repository root: the nearest folder above the test binaries that holds Insights.sln.</summary>
public static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Insights.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Insights.sln above {AppContext.BaseDirectory}: cannot find the repository root.");
    }
}
