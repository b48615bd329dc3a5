namespace Insights.Sentiment.Evaluation;

/// <summary>
/// Finds the shared labelled development files: the folder <c>../shared/data/sentiment</c> relative to the
/// repository root, the first folder holding <c>Insights.sln</c> found by walking up from a start folder.
/// </summary>
public static class DevelopmentData
{
    public const string SolutionFile = "Insights.sln";

    /// <summary>The data folder relative to the repository root.</summary>
    public static readonly string RelativePath = Path.Combine("..", "shared", "data", "sentiment");

    /// <summary>
    /// The repository root above each start folder in turn (e.g. the current directory, then
    /// <see cref="AppContext.BaseDirectory"/>); null when none of them is inside the repository.
    /// </summary>
    public static string? FindRepositoryRoot(IEnumerable<string> startFolders)
    {
        ArgumentNullException.ThrowIfNull(startFolders);
        foreach (var start in startFolders)
        {
            for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
                {
                    return folder.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The data folder next to the first repository root, found from the start folders in turn, that has one;
    /// null when there is none.
    /// </summary>
    public static string? FindFolder(IEnumerable<string> startFolders)
    {
        ArgumentNullException.ThrowIfNull(startFolders);
        foreach (var start in startFolders)
        {
            var root = FindRepositoryRoot([start]);
            if (root is null)
            {
                continue;
            }

            var folder = Path.GetFullPath(Path.Combine(root, RelativePath));
            if (Directory.Exists(folder))
            {
                return folder;
            }
        }

        return null;
    }
}
