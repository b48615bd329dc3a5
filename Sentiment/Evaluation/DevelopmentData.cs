namespace Insights.Sentiment.Evaluation;

/// <summary>
/// Finds the labelled development files: those the repository carries (<c>Sentiment/Evaluation/Data</c>, data whose
/// license lets the project redistribute it) and the shared ones in <c>../shared/data/sentiment</c> next to the
/// repository root, which not every clone has. The repository root is the first folder holding <c>Insights.sln</c>
/// found by walking up from a start folder.
/// </summary>
public static class DevelopmentData
{
    public const string SolutionFile = "Insights.sln";

    /// <summary>The shared data folder relative to the repository root.</summary>
    public static readonly string RelativePath = Path.Combine("..", "shared", "data", "sentiment");

    /// <summary>The folder of the files the repository carries, relative to the repository root.</summary>
    public static readonly string CarriedRelativePath = Path.Combine("Sentiment", "Evaluation", "Data");

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
    /// The shared data folder next to the first repository root, found from the start folders in turn, that has one;
    /// null when there is none.
    /// </summary>
    public static string? FindFolder(IEnumerable<string> startFolders) =>
        FindBelowRoot(startFolders, RelativePath);

    /// <summary>The folder of the files the repository carries; null outside the repository.</summary>
    public static string? FindCarriedFolder(IEnumerable<string> startFolders) =>
        FindBelowRoot(startFolders, CarriedRelativePath);

    /// <summary>
    /// Every labelled file there is, in name order: the shared ones, and the carried ones the shared folder lacks
    /// (the shared copy wins where both have a name).
    /// </summary>
    public static IReadOnlyList<string> FindFiles(IEnumerable<string> startFolders)
    {
        var starts = startFolders.ToList();
        var byName = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in new[] { FindCarriedFolder(starts), FindFolder(starts) })
        {
            if (folder is null)
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(folder, "*.tsv"))
            {
                byName[Path.GetFileName(file)] = file;
            }
        }

        return [.. byName.Values];
    }

    private static string? FindBelowRoot(IEnumerable<string> startFolders, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(startFolders);
        foreach (var start in startFolders)
        {
            var root = FindRepositoryRoot([start]);
            if (root is null)
            {
                continue;
            }

            var folder = Path.GetFullPath(Path.Combine(root, relativePath));
            if (Directory.Exists(folder))
            {
                return folder;
            }
        }

        return null;
    }
}
