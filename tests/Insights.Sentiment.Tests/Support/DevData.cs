using Insights.Sentiment.Evaluation;

namespace Insights.Sentiment.Tests.Support;

/// <summary>
/// The labelled development files in <c>shared/data/sentiment</c>, a sibling of the repository root (the folder
/// that holds <c>Insights.sln</c>), read with <see cref="LabelledTextFile"/>.
/// </summary>
internal static class DevData
{
    public static string Directory =>
        DevelopmentData.FindFolder([AppContext.BaseDirectory])
        ?? throw new InvalidOperationException(
            $"The sentiment development data is missing: expected the folder {DevelopmentData.RelativePath} next to the repository root " +
            $"(the folder holding {DevelopmentData.SolutionFile} above {AppContext.BaseDirectory}). The quality floor cannot be checked without it.");

    public static IReadOnlyList<LabelledText> Read(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The development file {path} is missing.");
        }

        return LabelledTextFile.Read(path);
    }
}
