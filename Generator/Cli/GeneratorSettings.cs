namespace Insights.Generator.Cli;

using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>
/// The options of <c>insights-generator</c> as Spectre.Console.Cli binds them; the help text is made from the
/// descriptions and defaults here. <see cref="Validate"/> refuses anything out of range naming the option;
/// <see cref="Resolve"/> turns a valid set into a <see cref="GeneratorCommandLine"/>.
/// </summary>
public sealed class GeneratorSettings : CommandSettings
{
    public const string ApiKeyEnvironmentVariable = "INSIGHTS_API_KEY";
    public const int MaxBatch = 5_000;
    public const int MaxParallelism = 256;

    [CommandOption("--api <URL>")]
    [Description("Ingest API base address (default http://localhost:5080; none when only --out is given)")]
    public string? Api { get; set; }

    [CommandOption("--api-key <KEY>")]
    [Description("API key with the ingest scope, sent as X-Api-Key (default: $INSIGHTS_API_KEY, which keeps it out of the process list)")]
    public string? ApiKey { get; set; }

    [CommandOption("--sink <SINK>")]
    [Description("Where events go: http (the ingest API, the default) or eventhubs (Azure Event Hubs over AMQP, one event per message, the video id as partition key; the connection string comes from $INSIGHTS_EVENTHUBS_CONNECTION)")]
    public string? Sink { get; set; }

    [CommandOption("--namespace <HOST>")]
    [Description("--sink eventhubs signed in with Entra ID (DefaultAzureCredential) instead of a connection string, e.g. myhub.servicebus.windows.net")]
    public string? Namespace { get; set; }

    [CommandOption("--hub <NAME>")]
    [Description("Event hub for --sink eventhubs (default video-events)")]
    public string? Hub { get; set; }

    [CommandOption("--seed <N>")]
    [Description("Random seed; same options => same data, byte for byte")]
    [DefaultValue(42)]
    public int Seed { get; set; } = 42;

    [CommandOption("--creators <N>")]
    [Description("Creators")]
    [DefaultValue(50)]
    public int Creators { get; set; } = 50;

    [CommandOption("--videos <N>")]
    [Description("Videos")]
    [DefaultValue(200)]
    public int Videos { get; set; } = 200;

    [CommandOption("--comments <N>")]
    [Description("Distinct comments; duplicates come on top")]
    [DefaultValue(20_000)]
    public int Comments { get; set; } = 20_000;

    [CommandOption("--span <DURATION>")]
    [Description("Time covered by the data, e.g. 90m, 2h, 1h30m, 1d, 01:30:00")]
    [TypeConverter(typeof(DurationConverter))]
    [DefaultValue("2h")]
    public TimeSpan Span { get; set; } = TimeSpan.FromHours(2);

    [CommandOption("--start <TIME>")]
    [Description("First second of the data, ISO 8601 (e.g. 2026-11-24T00:00:00Z) or Unix seconds (default: now - span/2, so a backlog is sent at once and the rest streams live; with --no-live: now - span, so everything is backlog)")]
    [TypeConverter(typeof(InstantConverter))]
    public DateTimeOffset? Start { get; set; }

    [CommandOption("--truth <PATH>")]
    [Description("Where to write the ground truth of the accepted events")]
    [DefaultValue(GeneratorCommandLine.DefaultTruthPath)]
    public string Truth { get; set; } = GeneratorCommandLine.DefaultTruthPath;

    [CommandOption("--out <PATH>")]
    [Description("Also write the generated events as JSON Lines, in send order")]
    public string? Out { get; set; }

    [CommandOption("--batch <N>")]
    [Description("Events per request, at most 5000")]
    [DefaultValue(500)]
    public int Batch { get; set; } = 500;

    [CommandOption("--parallel <N>")]
    [Description("Requests in flight, at most 256")]
    [DefaultValue(4)]
    public int Parallel { get; set; } = 4;

    [CommandOption("--duplicates <RATE>")]
    [Description("Comments re-sent with the same id, per distinct comment")]
    [DefaultValue(0.02)]
    public double Duplicates { get; set; } = 0.02;

    [CommandOption("--repeats <RATE>")]
    [Description("Engagement observations sent twice")]
    [DefaultValue(0.02)]
    public double Repeats { get; set; } = 0.02;

    [CommandOption("--out-of-order <RATE>")]
    [Description("Engagement observations sent after a newer one")]
    [DefaultValue(0.02)]
    public double OutOfOrder { get; set; } = 0.02;

    [CommandOption("--interval <DURATION>")]
    [Description("Engagement observation interval per video")]
    [TypeConverter(typeof(DurationConverter))]
    [DefaultValue("1m")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    [CommandOption("--mix <P/N/N>")]
    [Description("Intended positive/neutral/negative comment mix (default 45/30/25)")]
    public string? Mix { get; set; }

    [CommandOption("--viral <RATE>")]
    [Description("Share of viral videos")]
    [DefaultValue(0.03)]
    public double Viral { get; set; } = 0.03;

    [CommandOption("--themes <RATE>")]
    [Description("Share of comments written on a planted audience theme (shipping delays, a new flavour, price, the song, sizing and fit, customer service, a giveaway, filters and editing), recorded in the truth file for measuring topics")]
    [DefaultValue(0.5)]
    public double Themes { get; set; } = 0.5;

    [CommandOption("--no-live")]
    [Description("Send only what is due now, skip future events, and stop")]
    public bool NoLive { get; set; }

    public override ValidationResult Validate() =>
        Problems().FirstOrDefault() is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();

    /// <summary>The command line these settings ask for; <paramref name="environment"/> supplies $INSIGHTS_API_KEY.</summary>
    /// <exception cref="ArgumentException">The settings are not valid (<see cref="Validate"/> says why).</exception>
    public GeneratorCommandLine Resolve(Func<string, string?> environment)
    {
        if (Problems().FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var generator = new GeneratorOptions
        {
            Seed = Seed,
            Creators = Creators,
            Videos = Videos,
            Comments = Comments,
            Span = Span,
            Start = Start ?? GeneratorOptions.DefaultStart,
            DuplicateRate = Duplicates,
            EngagementRepeatRate = Repeats,
            EngagementOutOfOrderRate = OutOfOrder,
            EngagementInterval = Interval,
            ViralRate = Viral,
            ThemeRate = Themes,
        };
        if (Mix is not null)
        {
            var (positive, neutral, negative) = ParseMix(Mix)!.Value;
            generator = generator with { PositiveShare = positive, NeutralShare = neutral, NegativeShare = negative };
        }

        var cl = new GeneratorCommandLine
        {
            Generator = generator,
            StartGiven = Start is not null,
            TruthPath = Truth,
            OutPath = Out,
            BatchSize = Batch,
            Parallelism = Parallel,
            Live = !NoLive,
            EventHubsNamespace = Namespace,
            Hub = Hub ?? EventHubsEventSinkOptions.DefaultHub,
        };
        if (Sink == "eventhubs")
        {
            return cl with { Sink = GeneratorSink.EventHubs, Api = null };
        }

        // With only --out, nothing is sent; any of --api or --sink asks for the API.
        var api = Api is not null || Sink is not null || Out is null ? ApiUri(Api ?? GeneratorCommandLine.DefaultApi) : null;

        // The environment keeps the key out of the process list and the shell history.
        var apiKey = ApiKey ?? (environment(ApiKeyEnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null);
        return cl with { Api = api, Sink = api is null ? GeneratorSink.None : GeneratorSink.Http, ApiKey = apiKey };
    }

    private IEnumerable<string> Problems()
    {
        if (Sink is not (null or "http" or "eventhubs"))
        {
            yield return $"--sink: '{Sink}' is not http or eventhubs.";
        }

        if (Sink != "eventhubs")
        {
            if (Namespace is not null)
            {
                yield return "--namespace applies to --sink eventhubs only.";
            }

            if (Hub is not null)
            {
                yield return "--hub applies to --sink eventhubs only.";
            }
        }
        else if (Api is not null)
        {
            yield return "--api applies to --sink http only.";
        }

        if (Api is not null && ApiUri(Api) is null)
        {
            yield return $"--api: '{Api}' is not an http(s) URL.";
        }

        foreach (var (name, value) in new[] { ("--api-key", ApiKey), ("--namespace", Namespace), ("--hub", Hub), ("--truth", Truth), ("--out", Out) })
        {
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                yield return $"{name}: must not be empty.";
            }
        }

        foreach (var (name, value) in new[] { ("--creators", Creators), ("--videos", Videos), ("--comments", Comments) })
        {
            if (value < 0)
            {
                yield return $"{name}: {value} is not a whole number of at least 0.";
            }
        }

        if (Batch is < 1 or > MaxBatch)
        {
            yield return $"--batch: {Batch} is not a whole number in [1, {MaxBatch}].";
        }

        if (Parallel is < 1 or > MaxParallelism)
        {
            yield return $"--parallel: {Parallel} is not a whole number in [1, {MaxParallelism}].";
        }

        foreach (var (name, value) in new[] { ("--duplicates", Duplicates), ("--repeats", Repeats), ("--out-of-order", OutOfOrder), ("--viral", Viral), ("--themes", Themes) })
        {
            if (value is not (>= 0 and <= 1))
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{name}: {value} is not a rate in [0, 1].");
            }
        }

        if (Mix is not null && ParseMix(Mix) is null)
        {
            yield return $"--mix: '{Mix}' is not a mix like 45/30/25 (positive/neutral/negative).";
        }
    }

    private static Uri? ApiUri(string api) =>
        Uri.TryCreate(api.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    private static (double Positive, double Neutral, double Negative)? ParseMix(string s)
    {
        var parts = s.Split('/', ',', ':');
        var values = new double[3];
        if (parts.Length != 3
            || parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && values[i] >= 0).Any(ok => !ok)
            || values.Sum() <= 0)
        {
            return null;
        }

        return (values[0], values[1], values[2]);
    }
}
