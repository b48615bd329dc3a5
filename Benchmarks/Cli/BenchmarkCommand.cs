namespace Insights.Benchmarks.Cli;

using Spectre.Console;
using Spectre.Console.Cli;

/// <summary><c>insights-benchmark</c>'s one command: the pipeline benchmark, or the sentiment or warehouse one.</summary>
public sealed class BenchmarkCommand : AsyncCommand<BenchmarkSettings>
{
    /// <summary>
    /// Refuses unknown options and stray arguments. Not Spectre's strict mode: for a default command it retries a
    /// parse error with the command's name inserted, and then reports an option without its value as a conversion
    /// of "__default_command".
    /// </summary>
    public override ValidationResult Validate(CommandContext context, BenchmarkSettings settings)
    {
        var leftover = context.Remaining.Parsed.Select(group => group.Key).Concat(context.Remaining.Raw).FirstOrDefault();
        return leftover is null ? ValidationResult.Success() : ValidationResult.Error($"Unknown option or argument '{leftover}'. See --help.");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Sentiment)
        {
            await SentimentBenchmark.RunAsync(Console.Out, cancellationToken);
        }
        else if (settings.Warehouse)
        {
            await WarehouseBenchmark.RunAsync(Console.Out);
        }
        else
        {
            await PipelineBenchmark.RunAsync(settings.Options());
        }

        return 0;
    }
}
