namespace Insights.Silo.Storage;

public sealed class FileGrainStorageOptions
{
    /// <summary>Folder that holds one file per grain state; created when missing.</summary>
    public string RootPath { get; set; } = "data/state";
}
