namespace Insights.Generator.Cli;

using Microsoft.Extensions.DependencyInjection;

/// <summary>The sink the command line chose, with what the progress line says about its transient failures.</summary>
internal sealed record Destination(string Name, IEventSink Sink, Func<long> TransientFailures, string Busy, IDisposable Owned) : IDisposable
{
    public static Destination Open(GeneratorCommandLine cl)
    {
        if (cl.Sink == GeneratorSink.EventHubs)
        {
            var options = EventHubsEventSinkOptions.From(cl, Environment.GetEnvironmentVariable);
            var hub = new EventHubsEventSink(options);
            var where = options.FullyQualifiedNamespace ?? "the connection string's namespace";
            return new($"Event Hubs {options.Hub} at {where}", hub, () => hub.TransientFailures, "hub busy or unreachable", hub);
        }

        var services = new ServiceCollection();
        services.AddIngestHttpClient(cl.Api!);
        var provider = services.BuildServiceProvider();
        var sink = new HttpEventSink(IngestHttpClient.Create(provider), new HttpEventSinkOptions { BatchSize = cl.BatchSize, Parallelism = cl.Parallelism, ApiKey = cl.ApiKey });
        return new(cl.Api!.ToString(), sink, () => sink.TransientFailures, "API busy or unreachable", provider);
    }

    public void Dispose() => Owned.Dispose();
}
