namespace Insights.Tools.Migration;

using Insights.Lake.Azure;

/// <summary>
/// <c>insights migrate-state</c>: moves grain state blobs written by Insights' former Azure grain storage to the
/// names Orleans' Azure Blob provider reads (see README, "Grain state in Azure Blob Storage").
/// </summary>
public sealed class MigrateStateCommand : ICommand
{
    private const string Usage =
        "usage: insights migrate-state (--connection-string <cs> | --account-url <https://acct.blob.core.windows.net>) " +
        "[--container grainstate] [--delete-legacy] [--dry-run]";

    public string Name => "migrate-state";

    public string Summary => "copy grain state blobs of the old Azure layout to Orleans' blob names (silos stopped)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        string? connectionString = null, accountUrl = null;
        var container = "grainstate";
        bool delete = false, dryRun = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--connection-string" when i + 1 < args.Count:
                    connectionString = args[++i];
                    break;
                case "--account-url" when i + 1 < args.Count:
                    accountUrl = args[++i];
                    break;
                case "--container" when i + 1 < args.Count:
                    container = args[++i];
                    break;
                case "--delete-legacy":
                    delete = true;
                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"unknown or incomplete option '{args[i]}'\n{Usage}");
                    return 2;
            }
        }

        try
        {
            BlobServiceClientFactory.ValidateContainerName(container, "--container");
            var client = BlobServiceClientFactory.Create(connectionString, accountUrl, "Insights:Storage:AzureBlob")
                .GetBlobContainerClient(container);
            var result = await new GrainStateBlobMigration(client, Console.Out).RunAsync(delete, dryRun, cancellationToken);
            Console.WriteLine(
                $"{(dryRun ? "would copy" : "copied")} {result.Copied}, already migrated {result.AlreadyThere}, " +
                $"legacy deleted {result.Deleted}, other blobs left alone {result.Skipped}");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
