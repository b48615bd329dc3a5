namespace Insights.Benchmarks.Cli;

using Insights.Benchmarks.Reporting;
using Insights.Testing;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>
/// <c>insights-benchmark</c>'s one command: the sections the flags select (the pipeline when none is given, every
/// one with <c>--all</c>), then their figures in <c>.local/benchmark.json</c>.
/// </summary>
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
        var selected = settings.SelectedFlags();
        var report = new BenchmarkReport();
        var run = new BenchmarkContext(Console.Out, report, settings.Options(), cancellationToken);
        foreach (var section in BenchmarkSections.All.Where(section => selected.Contains(section.Flag)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await section.RunAsync(run);
            Console.Out.WriteLine();
        }

        var path = Path.Combine(RepoRoot.Path, ".local", "benchmark.json");
        await report.WriteAsync(path);
        Console.Out.WriteLine($"figures: {path}");
        return 0;
    }
}
