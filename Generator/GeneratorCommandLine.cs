namespace Insights.Generator;

/// <summary>Where the generated events go.</summary>
public enum GeneratorSink
{
    /// <summary>Nowhere: only files are written (only --out given).</summary>
    None,

    /// <summary>The ingest API (<c>POST /api/events</c>).</summary>
    Http,

    /// <summary>Azure Event Hubs over AMQP (a buffered producer, partition key = video id).</summary>
    EventHubs,
}

/// <summary>
/// What the command line asks for, resolved: the sink chosen, the API address and key settled, the generation options
/// built. <see cref="Cli.GeneratorSettings"/> holds the options as typed; <see cref="Cli.GeneratorSettings.Resolve"/> makes this.
/// </summary>
public sealed record GeneratorCommandLine
{
    public const string DefaultApi = "http://localhost:5080";
    public const string DefaultTruthPath = "data/truth.json";

    /// <summary>Generation options; <see cref="GeneratorOptions.Start"/> is meaningful only when <see cref="StartGiven"/>.</summary>
    public GeneratorOptions Generator { get; init; } = new();
    public bool StartGiven { get; init; }

    /// <summary>Base address of the ingest API, or null to only write files (when only --out is given).</summary>
    public Uri? Api { get; init; }

    /// <summary>API key with the ingest scope, sent as X-Api-Key: --api-key, else the INSIGHTS_API_KEY environment variable.</summary>
    public string? ApiKey { get; init; }
    public string TruthPath { get; init; } = DefaultTruthPath;

    public GeneratorSink Sink { get; init; } = GeneratorSink.Http;

    /// <summary>
    /// Namespace for <see cref="GeneratorSink.EventHubs"/> signed in with Entra ID; null to use the connection string
    /// from the environment.
    /// </summary>
    public string? EventHubsNamespace { get; init; }

    /// <summary>The event hub for <see cref="GeneratorSink.EventHubs"/>.</summary>
    public string Hub { get; init; } = EventHubsEventSinkOptions.DefaultHub;
    public string? OutPath { get; init; }
    public int BatchSize { get; init; } = 500;
    public int Parallelism { get; init; } = 4;
    public bool Live { get; init; } = true;

    /// <summary>The generator options with the start resolved against <paramref name="now"/> when none was given.</summary>
    public GeneratorOptions ResolveOptions(DateTimeOffset now)
    {
        if (StartGiven)
        {
            return Generator;
        }

        var whole = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        return Generator with { Start = Live ? whole - Generator.Span / 2 : whole - Generator.Span };
    }
}
