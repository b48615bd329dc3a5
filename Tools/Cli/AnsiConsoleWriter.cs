namespace Insights.Tools.Cli;

using System.Text;
using Spectre.Console;

/// <summary>
/// A <see cref="TextWriter"/> onto an <see cref="IAnsiConsole"/>'s output, for the library code that reports through
/// a writer (the state migration's log, the quality command's errors). Text is written as it is: never read as
/// markup, never wrapped at the console width.
/// </summary>
public sealed class AnsiConsoleWriter(IAnsiConsole console) : TextWriter
{
    public override Encoding Encoding => console.Profile.Out.Writer.Encoding;

    public override void Write(char value) => console.Profile.Out.Writer.Write(value);

    public override void Write(string? value) => console.Profile.Out.Writer.Write(value);

    public override void WriteLine(string? value) => console.Profile.Out.Writer.WriteLine(value);
}
