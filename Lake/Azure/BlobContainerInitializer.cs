namespace Insights.Lake.Azure;

using global::Azure;
using global::Azure.Storage.Blobs;

/// <summary>
/// Creates a container the first time it is needed, once, for every caller sharing this instance. A failure leaves
/// it uncreated so the next call tries again (an outage at start must not poison the store for good).
/// </summary>
public sealed class BlobContainerInitializer(BlobContainerClient container)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public BlobContainerClient Container { get; } = container ?? throw new ArgumentNullException(nameof(container));

    public async ValueTask EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (_ready)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                try
                {
                    await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                }
                catch (RequestFailedException ex) when (ex.Status == 403)
                {
                    // A SAS or role scoped to the container may read and write blobs but not create containers:
                    // assume the container was provisioned. If it was not, the next request says ContainerNotFound.
                }

                _ready = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
