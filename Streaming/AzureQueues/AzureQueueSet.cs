namespace Insights.Streaming.AzureQueues;

using System.Collections.Concurrent;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Queues;
using Orleans.Streams;

/// <summary>
/// The provider's queues on one account. Each is created if missing the first time anyone uses it, once per process:
/// a queue created by hand or by another silo is simply found.
/// </summary>
internal sealed class AzureQueueSet
{
    private readonly QueueServiceClient _service;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _ready = new(StringComparer.Ordinal);

    public AzureQueueSet(AzureQueueStreamOptions options, TokenCredential? credential = null)
    {
        _prefix = options.QueuePrefix;
        var clientOptions = ClientOptions();
        _service = options.ConnectionString is { Length: > 0 } connectionString
            ? new QueueServiceClient(connectionString, clientOptions)
            : new QueueServiceClient(options.ServiceUri, credential ?? new DefaultAzureCredential(), clientOptions);
    }

    public string NameOf(QueueId queueId) => AzureQueueNames.For(_prefix, queueId);

    public async Task<QueueClient> GetAsync(QueueId queueId, CancellationToken cancellationToken)
    {
        var name = NameOf(queueId);
        var ready = _ready.GetOrAdd(name, n => new Lazy<Task<QueueClient>>(() => CreateAsync(n)));
        try
        {
            return await ready.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (ready.Value.IsFaulted)
        {
            // A failed creation (storage down) must not stick: the next caller tries again.
            _ready.TryRemove(new KeyValuePair<string, Lazy<Task<QueueClient>>>(name, ready));
            throw;
        }
    }

    /// <summary>
    /// The message text is ours to encode (base64 by <see cref="AzureQueueMessageCodec"/>), not the SDK's: with
    /// SDK decoding, one foreign message that is not base64 fails the whole receive call, and poison handling
    /// could never see it.
    /// </summary>
    private static QueueClientOptions ClientOptions()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 4;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    private async Task<QueueClient> CreateAsync(string name)
    {
        var queue = _service.GetQueueClient(name);

        // Not cancellable on purpose: callers share this task, one caller giving up must not fail the others.
        await queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        return queue;
    }
}
