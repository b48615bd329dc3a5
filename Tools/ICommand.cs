namespace Insights.Tools;

/// <summary>One subcommand of the <c>insights</c> tool.</summary>
public interface ICommand
{
    string Name { get; }

    string Summary { get; }

    /// <summary>Runs with the arguments after the command name; returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken);
}
