namespace Insights.Sentiment.Tests.Support;

using Insights.Sentiment.Evaluation;

/// <summary>
/// The labelled development files (<see cref="DevelopmentData.FindFiles"/>): those the repository carries, and the
/// shared ones in <c>../shared/data/sentiment</c> next to the repository root when the clone sits beside it.
/// </summary>
internal static class DevData
{
    private static readonly string[] Start = [AppContext.BaseDirectory];

    public static IReadOnlyList<string> Files => DevelopmentData.FindFiles(Start);

    /// <summary>Why a check on shared data cannot run here; null when the shared folder is present.</summary>
    public static string? SharedDataAbsence =>
        DevelopmentData.FindFolder(Start) is null
            ? $"the shared sentiment data ({DevelopmentData.RelativePath} next to the repository root) is absent; " +
              "those files are not ours to redistribute, so only the carried ones are checked"
            : null;

    public static IReadOnlyList<LabelledText> Read(string fileName)
    {
        var path = Files.FirstOrDefault(f => Path.GetFileName(f) == fileName)
            ?? throw new InvalidOperationException(
                $"The development file {fileName} is in neither {DevelopmentData.CarriedRelativePath} nor {DevelopmentData.RelativePath}.");
        return LabelledTextFile.Read(path);
    }
}

/// <summary>A fact on the shared sentiment data: skipped, saying why, in a clone with no <c>../shared</c> beside it.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (DevData.SharedDataAbsence is { } reason)
        {
            Skip = reason;
        }
    }
}
