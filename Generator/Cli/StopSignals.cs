namespace Insights.Generator.Cli;

/// <summary>
/// The two Ctrl-C steps: the first stops after the requests in flight (the truth of what was accepted is still
/// written), the second aborts them.
/// </summary>
public sealed record StopSignals(CancellationToken Stop, CancellationToken Abort)
{
    public static StopSignals None { get; } = new(CancellationToken.None, CancellationToken.None);
}
