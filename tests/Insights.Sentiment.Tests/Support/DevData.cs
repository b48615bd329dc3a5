namespace Insights.Sentiment.Tests.Support;

/// <summary>
/// The labelled development files in <c>shared/data/sentiment</c>, a sibling of the repository root (the folder
/// that holds <c>Insights.sln</c>). Format: <c>label&lt;TAB&gt;text</c>, labels negative / neutral / positive.
/// </summary>
internal static class DevData
{
    public static string Directory
    {
        get
        {
            var root = FindRepositoryRoot()
                ?? throw new InvalidOperationException($"No folder containing Insights.sln above {AppContext.BaseDirectory}.");
            var directory = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "sentiment"));
            if (!System.IO.Directory.Exists(directory))
            {
                throw new InvalidOperationException(
                    $"The sentiment development data is missing: expected the folder {directory} (../shared/data/sentiment next to the repository root). " +
                    "The quality floor cannot be checked without it.");
            }

            return directory;
        }
    }

    public static IReadOnlyList<(SentimentLabel Gold, string Text)> Read(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The development file {path} is missing.");
        }

        var rows = new List<(SentimentLabel, string)>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var tab = line.IndexOf('\t');
            if (tab < 0)
            {
                throw new InvalidDataException($"{fileName}: line without a tab: {line}");
            }

            var label = line[..tab] switch
            {
                "negative" => SentimentLabel.Negative,
                "neutral" => SentimentLabel.Neutral,
                "positive" => SentimentLabel.Positive,
                var other => throw new InvalidDataException($"{fileName}: unknown label '{other}'."),
            };
            rows.Add((label, line[(tab + 1)..]));
        }

        return rows;
    }

    private static string? FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Insights.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
