namespace Insights.Tools.Replay;

using System.Globalization;
using Insights.Grains.Domain;
using Insights.Lake;
using Insights.Lake.Hosting;
using Insights.Sentiment;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

/// <summary><c>insights replay</c>: rebuilds processed comments and snapshots from the raw zone.</summary>
public sealed class ReplayCommand : ICommand
{
    public string Name => "replay";

    public string Summary => "rebuild processed comments and video snapshots from the raw zone for a range of ingest hours";

    public const string Usage = """
        insights replay [--from TIME] [--to TIME] [--lake-path PATH] [--set Key=Value ...]

          --from TIME       first ingest hour to rebuild (ISO 8601, e.g. 2026-11-24T05:00Z); default: the lake's start
          --to TIME         end of the range, exclusive, rounded up to the hour; default: the start of the current hour
                            (the current hour is still being written by the silo)
          --lake-path PATH  the local lake folder (Insights:Lake:Path; default data/lake)
          --set Key=Value   any configuration key, e.g. --set Insights:Lake:Provider=AzureBlob
        Configuration also comes from environment variables (Insights__Lake__Path=...).
        Comments are scored by the local analyzer (lexicon); the analyzer name is recorded in every row and in
        processed/_replays/. Running it twice over the same raw zone gives the same files.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>();
        DateTimeOffset from = DateTimeOffset.UnixEpoch, to = StartOfHour(DateTimeOffset.UtcNow);
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--from": from = ParseTime(Value()); break;
                    case "--to": to = ParseTime(Value()); break;
                    case "--lake-path": settings[LakeOptions.SectionName + ":Path"] = Value(); break;
                    case "--set":
                        var pair = Value().Split('=', 2);
                        settings[pair[0]] = pair.Length == 2 ? pair[1] : throw new ArgumentException("--set takes Key=Value");
                        break;
                    case "-h" or "--help":
                        Console.WriteLine(Usage);
                        return 0;
                    default:
                        throw new ArgumentException($"unknown option '{args[i]}'");
                }
            }

            if (to <= from)
            {
                throw new ArgumentException("--to must be after --from");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddInsightsLake(configuration).BuildServiceProvider();
        var lake = services.GetRequiredService<ILakeStore>();
        var job = new ReplayJob(lake, new LexiconSentimentAnalyzer(), new VideoOptions());
        var result = await job.RunAsync(from, to, cancellationToken);
        Console.WriteLine($"replayed {lake.Description}, ingest hours {result.From:O} to {result.To:O} with {result.Analyzer}:");
        Console.WriteLine($"  {result.RawEvents:N0} raw events read, {result.Invalid:N0} invalid, {result.Duplicates:N0} duplicate comments");
        Console.WriteLine($"  {result.Comments:N0} comments and {result.Snapshots:N0} snapshots written in {result.Partitions} partition files");
        return 0;
    }

    private static DateTimeOffset ParseTime(string s) =>
        DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static DateTimeOffset StartOfHour(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
}
