namespace Insights.Grains.Quarantine;

using Insights.Events;
using Insights.Lake.Records;
using Insights.Lake.Zones;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;

/// <summary>
/// Writes the messages of one queue's or partition's quarantine stream to the quarantine zone (stage <c>stream</c>)
/// and returns only once they are there: the provider acknowledges (deletes, checkpoints) a message after its delivery
/// returns, so a crash before the write leaves the message to be read and quarantined again.
/// </summary>
[ImplicitStreamSubscription(StreamNames.QuarantineNamespace)]
public sealed partial class StreamQuarantineGrain(QuarantineWriter quarantine, ILogger<StreamQuarantineGrain> logger)
    : Grain, IGrainWithStringKey, IStreamSubscriptionObserver, IAsyncBatchObserver<QuarantinedMessage>
{
    /// <summary>Quarantine rows of this stage sit under <c>quarantine/stream/</c>, beside ingest and grain ones.</summary>
    public const string Stage = "stream";

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<QuarantinedMessage>().ResumeAsync(this);

    public async Task OnNextAsync(IList<SequentialItem<QuarantinedMessage>> items)
    {
        foreach (var item in items)
        {
            LogQuarantined(item.Item.Source, item.Item.Id, item.Item.Reason);
            await quarantine.AddAsync(Record(item.Item));
        }

        // A failure here fails the delivery: the provider keeps the message and the pulling agent tries again.
        await quarantine.FlushAsync(CancellationToken.None);
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    public static QuarantineRecord Record(QuarantinedMessage message) => new()
    {
        QuarantineId = QuarantineWriter.NewId(),
        ReceivedAt = message.ReceivedAt,
        Source = message.Source,
        Stage = Stage,
        Reason = message.Reason,
        Type = message.Type,
        Id = message.Id,
        PayloadText = message.PayloadText,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream message {Id} from {Source} moved to quarantine: {Reason}")]
    private partial void LogQuarantined(string source, string? id, string reason);
}
