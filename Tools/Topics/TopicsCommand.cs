namespace Insights.Tools.Topics;

using Insights.Grains.Topics;
using Insights.Lake;
using Insights.Lake.Hosting;
using Insights.Tools.Cli;
using Insights.Topics.Building;
using Insights.Topics.Modeling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>
/// <c>insights topics --date D [--build]</c>: prints a day's topics from the lake's topics zone; <c>--build</c> first
/// builds them from the day's processed comments with the configured model, as the silo's topics grain does
/// (always: the grain's record of what it last built stays in the silo).
/// </summary>
public sealed class TopicsCommand(IAnsiConsole console, ToolEnvironment environment) : AsyncCommand<TopicsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TopicsSettings settings, CancellationToken cancellationToken)
    {
        var date = settings.Day(DateTimeOffset.UtcNow);
        var configuration = settings.Configuration(environment.Configuration);
        await using var services = new ServiceCollection().AddLogging().AddInsightsLake(configuration).BuildServiceProvider();
        var lake = services.GetRequiredService<ILakeStore>();

        long? comments = null;
        if (settings.Build)
        {
            var validator = new TopicsOptionsValidator();
            var topicsOptions = Valid(configuration.GetSection(TopicsOptions.SectionName).Get<TopicsOptions>() ?? new(), validator.Validate);
            var modelOptions = Valid(configuration.GetSection(TopicModelOptions.SectionName).Get<TopicModelOptions>() ?? new(), validator.Validate);
            if (topicsOptions is null || modelOptions is null)
            {
                return ExitCodes.BadArguments;
            }

            var builder = new TopicBuilder(
                lake, new KMeansTopicModelTrainer(Options.Create(modelOptions)), Options.Create(topicsOptions), Options.Create(modelOptions),
                TimeProvider.System, services.GetRequiredService<ILogger<TopicBuilder>>());
            var result = await builder.BuildAsync(date, cancellationToken: cancellationToken);
            comments = result.Comments;
            console.WriteLineAsIs(
                $"built {date:yyyy-MM-dd} from {lake.Description}: {result.Files} files ({result.UnreadableFiles.Count} unreadable), {result.Comments:N0} comments, " +
                $"{result.TrainingComments:N0} fitted, {result.Assigned:N0} with a topic, {result.Topics?.Topics.Count ?? 0} topics in {result.Duration.TotalSeconds:F1} s ({result.Model})");
            foreach (var file in result.UnreadableFiles)
            {
                environment.Error.WriteLineAsIs($"unreadable, skipped: {file}");
            }
        }

        var day = TopicViews.Day(date, await new TopicsLake(lake).ReadDayAsync(date, cancellationToken), comments);
        if (day.BuiltAt is null)
        {
            console.WriteLineAsIs($"no topics for {date:yyyy-MM-dd} in {lake.Description}" + (settings.Build ? " (no comment had a topic)" : "; build them with --build"));
            return ExitCodes.Ok;
        }

        console.WriteLineAsIs($"topics of {date:yyyy-MM-dd} (UTC, comments ingested that day), built {day.BuiltAt:yyyy-MM-dd HH:mm:ss}Z by {day.Model}:");
        console.Write(TopicsTable.Create(day, settings.Limit));
        return ExitCodes.Ok;
    }

    private TOptions? Valid<TOptions>(TOptions options, Func<string?, TOptions, ValidateOptionsResult> validate)
        where TOptions : class
    {
        var result = validate(null, options);
        if (result.Failed)
        {
            environment.Error.WriteLineAsIs("error: " + result.FailureMessage);
            return null;
        }

        return options;
    }
}
