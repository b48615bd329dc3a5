namespace Insights.Tools.Migration;

using Insights.Lake.Azure;
using Insights.Tools.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>
/// <c>insights migrate-state</c>: moves grain state blobs written by Insights' former Azure grain storage to the
/// names Orleans' Azure Blob provider reads (see README, "Grain state in Azure Blob Storage").
/// </summary>
public sealed class MigrateStateCommand(IAnsiConsole console, ToolEnvironment environment) : AsyncCommand<MigrateStateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, MigrateStateSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            BlobServiceClientFactory.ValidateContainerName(settings.Container, "--container");
            var client = BlobServiceClientFactory.Create(settings.ConnectionString, settings.AccountUrl, "Insights:Storage:AzureBlob")
                .GetBlobContainerClient(settings.Container);
            var result = await new GrainStateBlobMigration(client, new AnsiConsoleWriter(console)).RunAsync(settings.DeleteLegacy, settings.DryRun, cancellationToken);
            console.WriteLineAsIs(
                $"{(settings.DryRun ? "would copy" : "copied")} {result.Copied}, already migrated {result.AlreadyThere}, " +
                $"legacy deleted {result.Deleted}, other blobs left alone {result.Skipped}");
            return ExitCodes.Ok;
        }
        catch (InvalidOperationException ex)
        {
            environment.Error.WriteLineAsIs(ex.Message);
            return ExitCodes.Failure;
        }
    }
}
