namespace Insights.Tools.Cli;

using Spectre.Console;

/// <summary>Plain lines on a Spectre console.</summary>
public static class ConsoleText
{
    /// <summary>
    /// Writes <paramref name="text"/> and a newline as they are: no markup, and no wrapping at the console width.
    /// Spectre wraps text at 80 columns when the output is redirected, which would split the configuration lines of
    /// <c>auth new-key</c> and anything a script reads.
    /// </summary>
    public static void WriteLineAsIs(this IAnsiConsole console, string text) => console.Profile.Out.Writer.WriteLine(text);
}
