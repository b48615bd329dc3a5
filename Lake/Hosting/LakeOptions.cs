namespace Insights.Lake.Hosting;

/// <summary>Where the lake lives. Section <c>Insights:Lake</c>.</summary>
public sealed class LakeOptions
{
    public const string SectionName = "Insights:Lake";

    /// <summary><c>Local</c> (a folder, the embedded default) or <c>AzureBlob</c>.</summary>
    public string Provider { get; set; } = "Local";

    /// <summary>Folder of the <c>Local</c> provider; zones are its subfolders.</summary>
    public string Path { get; set; } = "data/lake";
}
