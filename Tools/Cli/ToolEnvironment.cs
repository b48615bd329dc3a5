namespace Insights.Tools.Cli;

using Microsoft.Extensions.Configuration;
using Spectre.Console;

/// <summary>
/// What the commands read and write besides their settings and standard output: errors (standard error, so a
/// command's output can be captured cleanly), standard input, configuration (environment variables, like the hosts),
/// environment variables read one by one, and the folders <c>quality</c> starts looking for the repository from.
/// Tests pass their own.
/// </summary>
public sealed record ToolEnvironment(
    IAnsiConsole Error,
    TextReader Input,
    IConfiguration Configuration,
    Func<string, string?> Variables,
    IReadOnlyList<string> StartFolders)
{
    public static ToolEnvironment FromProcess() => new(
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }),
        Console.In,
        new ConfigurationBuilder().AddEnvironmentVariables().Build(),
        Environment.GetEnvironmentVariable,
        [Environment.CurrentDirectory, AppContext.BaseDirectory]);
}
