namespace Insights.Tools.Migration;

using global::Azure;
using global::Azure.Storage.Blobs;
using global::Azure.Storage.Blobs.Models;

/// <summary>
/// Copies every blob of the legacy layout (<see cref="LegacyStateBlobName"/>) to the name Orleans' Azure Blob grain
/// storage reads. The bytes are copied as they are: both storages hold Orleans' binary serialization of the state.
/// Run it with the silos stopped; a grain that already wrote under the new name keeps its newer state (the copy is
/// conditional on the target not existing), so a second run does nothing but report.
/// </summary>
public sealed class GrainStateBlobMigration(BlobContainerClient container, TextWriter log)
{
    public sealed record Result(int Copied, int AlreadyThere, int Deleted, int Skipped);

    public async Task<Result> RunAsync(bool deleteLegacy, bool dryRun, CancellationToken cancellationToken)
    {
        if (!(await container.ExistsAsync(cancellationToken)).Value)
        {
            throw new InvalidOperationException($"Container '{container.Name}' does not exist in {container.Uri.GetLeftPart(UriPartial.Authority)}.");
        }

        int copied = 0, already = 0, deleted = 0, skipped = 0;
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions(), cancellationToken))
        {
            var target = LegacyStateBlobName.ToOrleansName(item.Name);
            if (target is null)
            {
                skipped++;
                continue;
            }

            var legacy = container.GetBlobClient(item.Name);
            if (dryRun)
            {
                await log.WriteLineAsync($"would copy {item.Name} -> {target}");
                copied++;
                continue;
            }

            if (await CopyAsync(legacy, container.GetBlobClient(target), cancellationToken))
            {
                await log.WriteLineAsync($"copied {item.Name} -> {target}");
                copied++;
            }
            else
            {
                await log.WriteLineAsync($"kept {target}: it already exists (written by the new storage or an earlier run)");
                already++;
            }

            if (deleteLegacy)
            {
                await legacy.DeleteIfExistsAsync(cancellationToken: cancellationToken);
                deleted++;
            }
        }

        return new Result(copied, already, deleted, skipped);
    }

    private static async Task<bool> CopyAsync(BlobClient source, BlobClient target, CancellationToken cancellationToken)
    {
        var content = (await source.DownloadContentAsync(cancellationToken)).Value.Content;
        try
        {
            await target.UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }
}
