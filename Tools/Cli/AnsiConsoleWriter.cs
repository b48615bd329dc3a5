namespace Insights.Tools.Cli;

using System.Text;
using Spectre.Console;

/// <summary>
/// A <see cref="TextWriter"/> onto an <see cref="IAnsiConsole"/>, for the library code that reports through a
/// writer (the state migration's log, the quality report). Text is written as it is, never read as markup.
/// </summary>
public sealed class AnsiConsoleWriter(IAnsiConsole console) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => console.Write(value.ToString());

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            console.Write(value);
        }
    }

    public override void WriteLine(string? value) => console.WriteLine(value ?? "");

    public override void WriteLine() => console.WriteLine();
}
