namespace Insights.Tools.Tests;

using Insights.Tools.Cli;
using Microsoft.Extensions.Configuration;
using Spectre.Console.Testing;

/// <summary>Runs the <c>insights</c> application in process, with standard output, errors and input captured.</summary>
public static class ToolRun
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        var output = new TestConsole().Width(200);
        var error = new TestConsole().Width(200);
        var environment = new ToolEnvironment(error, new StringReader(input), new ConfigurationBuilder().Build(), _ => null, [Path.GetTempPath()]);
        var code = await InsightsApp.RunAsync(output, environment, args);
        return (code, output.Output, error.Output);
    }
}
