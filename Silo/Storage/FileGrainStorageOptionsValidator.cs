namespace Insights.Silo.Storage;

using Orleans;
using Orleans.Runtime;

/// <summary>
/// Checks at silo start that a <see cref="FileGrainStorage"/> folder can hold state: a bad path would otherwise
/// surface only when the first grain writes, as an exception deep in a grain call.
/// </summary>
public sealed class FileGrainStorageOptionsValidator(FileGrainStorageOptions options, string name) : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        var setting = $"{nameof(FileGrainStorageOptions)}.{nameof(FileGrainStorageOptions.RootPath)} of grain storage '{name}'";
        if (string.IsNullOrWhiteSpace(options.RootPath))
        {
            throw new OrleansConfigurationException($"{setting} is empty; set the folder that holds the grain state files.");
        }

        string root;
        try
        {
            root = Path.GetFullPath(options.RootPath);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OrleansConfigurationException($"{setting} '{options.RootPath}' is not a valid path: {ex.Message}", ex);
        }

        if (File.Exists(root))
        {
            throw new OrleansConfigurationException($"{setting} '{root}' is a file; it must be a folder (or not exist yet).");
        }

        // Creating the folder and a file in it is the only reliable check of permissions and read-only mounts.
        var probe = Path.Combine(root, ".write-check-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(root);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OrleansConfigurationException($"{setting} '{root}' cannot be written: {ex.Message}", ex);
        }
    }
}
