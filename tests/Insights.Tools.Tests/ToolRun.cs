namespace Insights.Tools.Tests;

using Insights.Tools.Cli;
using Microsoft.Extensions.Configuration;
using Spectre.Console.Testing;

/// <summary>Runs the <c>insights</c> application in process, with standard output, errors and input captured.</summary>
public static class ToolRun
{
    public static Task<(int Code, string Output, string Error)> RunAsync(string input, params string[] args) => RunAsync(200, input, args);

    /// <summary>Runs with a console <paramref name="width"/> columns wide.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(int width, string input, params string[] args)
    {
        var output = new TestConsole().Width(width);
        var error = new TestConsole().Width(200);
        var environment = new ToolEnvironment(error, new StringReader(input), new ConfigurationBuilder().Build(), _ => null, [Path.GetTempPath()]);
        var code = await InsightsApp.RunAsync(output, environment, args);
        return (code, output.Output, error.Output);
    }
}
