namespace Insights.Benchmarks;

using Insights.Benchmarks.Cli;
using Spectre.Console;

internal static class Program
{
    public static Task<int> Main(string[] args) => BenchmarkApp.Create(AnsiConsole.Console).RunAsync(args);
}
