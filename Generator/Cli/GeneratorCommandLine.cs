namespace Insights.Generator;

using System.Globalization;
using System.Text.RegularExpressions;

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

/// <summary>The command line of <c>insights-generator</c>, parsed by hand (no extra packages).</summary>
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
    public bool Help { get; init; }

    public static string Usage => """
        insights-generator: realistic dummy TikTok data for Insights, sent to the ingest API, with its ground truth.

        Usage:
          insights-generator [options]

        Options:
          --api URL              ingest API base address (default http://localhost:5080; none when only --out is given)
          --api-key KEY          API key with the ingest scope, sent as X-Api-Key (default: $INSIGHTS_API_KEY)
          --sink http|eventhubs  where events go (default http: the ingest API). eventhubs publishes to Azure Event Hubs
                                 over AMQP, one event per message with the video id as partition key; the connection
                                 string comes from the environment variable INSIGHTS_EVENTHUBS_CONNECTION
          --namespace HOST       --sink eventhubs signed in with Entra ID (DefaultAzureCredential) instead of a
                                 connection string, e.g. myhub.servicebus.windows.net
          --hub NAME             event hub for --sink eventhubs (default video-events)
          --seed N               random seed (default 42); same options => same data, byte for byte
          --creators N           creators (default 50)
          --videos N             videos (default 200)
          --comments N           distinct comments (default 20000); duplicates come on top
          --span DURATION        time covered by the data, e.g. 90m, 2h, 1h30m, 1d, 01:30:00 (default 2h)
          --start TIME           first second of the data, ISO 8601 (e.g. 2026-11-24T00:00:00Z) or Unix seconds
                                 (default: now - span/2, so a backlog is sent at once and the rest streams live;
                                 with --no-live: now - span, so everything is backlog)
          --truth PATH           where to write the ground truth of the accepted events (default data/truth.json)
          --out PATH             also write the generated events as JSON Lines, in send order
          --batch N              events per request, at most 5000 (default 500)
          --parallel N           requests in flight (default 4)
          --duplicates RATE      comments re-sent with the same id, per distinct comment (default 0.02)
          --repeats RATE         engagement observations sent twice (default 0.02)
          --out-of-order RATE    engagement observations sent after a newer one (default 0.02)
          --interval DURATION    engagement observation interval per video (default 1m)
          --mix P/N/N            intended positive/neutral/negative comment mix (default 45/30/25)
          --viral RATE           share of viral videos (default 0.03)
          --no-live              send only what is due now, skip future events, and stop
          -h, --help             show this help

        Ctrl-C stops after the requests in flight and still writes the truth of what was accepted;
        a second Ctrl-C aborts them. Exit codes: 0 ok, 1 failure, 2 bad arguments, 3 events rejected, 130 stopped.
        """;

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static GeneratorCommandLine Parse(IReadOnlyList<string> args)
    {
        var cl = new GeneratorCommandLine();
        var g = cl.Generator;
        string? api = null;
        string? sink = null;
        var hubFlags = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            var eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{arg} needs a value.");
                }

                return args[++i];
            }

            switch (arg)
            {
                case "-h" or "--help" or "-?": cl = cl with { Help = true }; break;
                case "--api": api = Value(); break;
                case "--api-key": cl = cl with { ApiKey = NonEmpty(arg, Value()) }; break;
                case "--sink": sink = Value(); break;
                case "--namespace": cl = cl with { EventHubsNamespace = NonEmpty(arg, Value()) }; hubFlags.Add(arg); break;
                case "--hub": cl = cl with { Hub = NonEmpty(arg, Value()) }; hubFlags.Add(arg); break;
                case "--seed": g = g with { Seed = Int(arg, Value(), int.MinValue) }; break;
                case "--creators": g = g with { Creators = Int(arg, Value(), 0) }; break;
                case "--videos": g = g with { Videos = Int(arg, Value(), 0) }; break;
                case "--comments": g = g with { Comments = Int(arg, Value(), 0) }; break;
                case "--span": g = g with { Span = Duration(arg, Value()) }; break;
                case "--start": g = g with { Start = Time(arg, Value()) }; cl = cl with { StartGiven = true }; break;
                case "--truth": cl = cl with { TruthPath = NonEmpty(arg, Value()) }; break;
                case "--out": cl = cl with { OutPath = NonEmpty(arg, Value()) }; break;
                case "--batch": cl = cl with { BatchSize = Int(arg, Value(), 1, 5_000) }; break;
                case "--parallel": cl = cl with { Parallelism = Int(arg, Value(), 1, 256) }; break;
                case "--duplicates": g = g with { DuplicateRate = Rate(arg, Value()) }; break;
                case "--repeats": g = g with { EngagementRepeatRate = Rate(arg, Value()) }; break;
                case "--out-of-order": g = g with { EngagementOutOfOrderRate = Rate(arg, Value()) }; break;
                case "--interval": g = g with { EngagementInterval = Duration(arg, Value()) }; break;
                case "--viral": g = g with { ViralRate = Rate(arg, Value()) }; break;
                case "--mix":
                    var (p, n, neg) = Mix(arg, Value());
                    g = g with { PositiveShare = p, NeutralShare = n, NegativeShare = neg };
                    break;
                case "--no-live": cl = cl with { Live = false }; break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'. See --help.");
            }
        }

        switch (sink)
        {
            case null or "http":
                if (hubFlags.Count > 0)
                {
                    throw new ArgumentException($"{hubFlags[0]} applies to --sink eventhubs only.");
                }

                break;
            case "eventhubs":
                if (api is not null)
                {
                    throw new ArgumentException("--api applies to --sink http only.");
                }

                return cl with { Generator = g, Api = null, Sink = GeneratorSink.EventHubs };
            default:
                throw new ArgumentException($"--sink: '{sink}' is not http or eventhubs.");
        }

        Uri? apiUri = null;
        if (api is not null || sink is not null || cl.OutPath is null)
        {
            api ??= DefaultApi;
            if (!Uri.TryCreate(api.TrimEnd('/') + "/", UriKind.Absolute, out apiUri) || apiUri.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException($"--api: '{api}' is not an http(s) URL.");
            }
        }

        // The environment keeps the key out of the process list and the shell history.
        var apiKey = cl.ApiKey ?? (Environment.GetEnvironmentVariable("INSIGHTS_API_KEY") is { Length: > 0 } fromEnvironment ? fromEnvironment : null);
        return cl with { Generator = g, Api = apiUri, Sink = apiUri is null ? GeneratorSink.None : GeneratorSink.Http, ApiKey = apiKey };
    }

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

    private static int Int(string name, string s, int min, int max = int.MaxValue)
    {
        if (!int.TryParse(s.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            throw new ArgumentException(max == int.MaxValue
                ? $"{name}: '{s}' is not a whole number of at least {min}."
                : $"{name}: '{s}' is not a whole number in [{min}, {max}].");
        }

        return n;
    }

    private static double Rate(string name, string s)
    {
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || x is < 0 or > 1 || double.IsNaN(x))
        {
            throw new ArgumentException($"{name}: '{s}' is not a rate in [0, 1].");
        }

        return x;
    }

    private static string NonEmpty(string name, string s) =>
        string.IsNullOrWhiteSpace(s) ? throw new ArgumentException($"{name}: must not be empty.") : s;

    private static (double, double, double) Mix(string name, string s)
    {
        var parts = s.Split('/', ',', ':');
        var values = new double[3];
        if (parts.Length != 3 || parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && values[i] >= 0).Any(ok => !ok) || values.Sum() <= 0)
        {
            throw new ArgumentException($"{name}: '{s}' is not a mix like 45/30/25 (positive/neutral/negative).");
        }

        return (values[0], values[1], values[2]);
    }

    private static readonly Regex DurationPart = new(@"(\d+(?:\.\d+)?)(ms|s|m|h|d)", RegexOptions.CultureInvariant);

    /// <summary>"90m", "2h", "1h30m", "1.5h", "45s", "1d", or a TimeSpan like "01:30:00".</summary>
    public static TimeSpan Duration(string name, string s)
    {
        if (s.Contains(':') && TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var ts) && ts > TimeSpan.Zero)
        {
            return ts;
        }

        var matches = DurationPart.Matches(s);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != s)
        {
            throw new ArgumentException($"{name}: '{s}' is not a duration like 90m, 2h, 1h30m or 01:30:00.");
        }

        var total = TimeSpan.Zero;
        foreach (Match m in matches)
        {
            var x = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            total += m.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(x),
                "s" => TimeSpan.FromSeconds(x),
                "m" => TimeSpan.FromMinutes(x),
                "h" => TimeSpan.FromHours(x),
                _ => TimeSpan.FromDays(x),
            };
        }

        return total > TimeSpan.Zero ? total : throw new ArgumentException($"{name}: must be longer than zero.");
    }

    private static DateTimeOffset Time(string name, string s)
    {
        if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix) && unix is >= 0 and <= 253_402_300_799)
        {
            return DateTimeOffset.FromUnixTimeSeconds(unix);
        }

        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            return t;
        }

        throw new ArgumentException($"{name}: '{s}' is not an ISO 8601 time (e.g. 2026-11-24T00:00:00Z) or Unix seconds.");
    }
}
