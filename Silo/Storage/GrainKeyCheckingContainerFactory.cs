namespace Insights.Silo.Storage;

using Azure.Storage.Blobs;
using Orleans.Configuration;
using Orleans.Storage;

/// <summary>
/// Orleans' default container factory plus a check of the grain id, which Orleans' Azure Blob provider puts raw in
/// the blob name (<c>{state}-{grain id}.json</c>). A key with a '.' or '..' segment, an empty segment or a '\' makes
/// a URL that HTTP normalizes into another blob, or out of the container (a read of <c>../../x</c> never completed on
/// Azurite). Insights' keys never look like that (<c>Ids.IsValid</c>), so such a key is refused before any request.
/// </summary>
public sealed class GrainKeyCheckingContainerFactory(AzureBlobStorageOptions options) : IBlobContainerFactory
{
    private BlobContainerClient? _container;

    public BlobContainerClient GetBlobContainerClient(GrainId grainId)
    {
        var id = grainId.ToString()!;
        foreach (var segment in (id + ".json").Split('/'))
        {
            if (segment is "" or "." or ".." || segment.EndsWith('.') || segment.Any(c => c == '\\' || char.IsControl(c)))
            {
                throw new ArgumentException(
                    $"Grain '{id}' cannot be stored in Azure Blob Storage: its blob name would have an empty, '.' or '..' " +
                    "segment, a segment ending in '.', a '\\' or a control character.", nameof(grainId));
            }
        }

        return _container ?? throw new InvalidOperationException("The grain storage container is used before the silo started it.");
    }

    public async Task InitializeAsync(BlobServiceClient client)
    {
        _container = client.GetBlobContainerClient(options.ContainerName);
        await _container.CreateIfNotExistsAsync();
    }
}
