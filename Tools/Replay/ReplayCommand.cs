namespace Insights.Tools.Replay;

using Insights.Grains.Domain;
using Insights.Lake;
using Insights.Lake.Hosting;
using Insights.Sentiment;
using Insights.Sentiment.Language;
using Insights.Tools.Cli;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>
/// <c>insights replay</c>: rebuilds processed comments and snapshots from the raw zone. Comments are scored by the
/// silo's local analyzer (<see cref="LocalSentimentModel"/>: the learned model unless
/// <c>--set Insights:Sentiment:Local:Model=Lexicon</c>); the analyzer name, which carries the model's digest, is recorded in
/// every row and in processed/_replays/, so a new model shows in the rows it re-scored. Running it twice
/// over the same raw zone gives the same files.
/// </summary>
public sealed class ReplayCommand(IAnsiConsole console, ToolEnvironment environment) : AsyncCommand<ReplaySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReplaySettings settings, CancellationToken cancellationToken)
    {
        var (from, to) = settings.Range(DateTimeOffset.UtcNow);
        var configuration = settings.Configuration(environment.Configuration);
        await using var services = new ServiceCollection().AddLogging().AddInsightsLake(configuration).BuildServiceProvider();
        var lake = services.GetRequiredService<ILakeStore>();
        var job = new ReplayJob(lake, new LanguageAwareSentimentAnalyzer(LocalSentimentModel.Factory(configuration)(), new LanguageIdentifier()), new VideoOptions());
        var result = await job.RunAsync(from, to, cancellationToken);
        console.WriteLineAsIs($"replayed {lake.Description}, ingest hours {result.From:O} to {result.To:O} with {result.Analyzer}:");
        console.WriteLineAsIs($"  {result.RawEvents:N0} raw events read, {result.Invalid:N0} invalid, {result.Duplicates:N0} duplicate comments");
        console.WriteLineAsIs($"  {result.Comments:N0} comments and {result.Snapshots:N0} snapshots written in {result.Partitions} partition files");
        return ExitCodes.Ok;
    }
}
