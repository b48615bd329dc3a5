namespace Insights.Silo.Storage;

using Orleans.Storage;

/// <summary>Options of one named <see cref="FileGrainStorage"/> provider.</summary>
public sealed class FileGrainStorageOptions : IStorageProviderSerializerOptions
{
    public const string DefaultRootPath = "data/state";

    /// <summary>Folder that holds one file per grain state; created when missing.</summary>
    public string RootPath { get; set; } = DefaultRootPath;

    /// <summary>
    /// How state becomes bytes. Unset: the silo's default <see cref="IGrainStorageSerializer"/> (Orleans' JSON);
    /// Insights sets <see cref="OrleansGrainStorageSerializer"/>, the format existing state files hold.
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
