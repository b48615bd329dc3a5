namespace Insights.Tools.Cli;

using Spectre.Console.Cli;

/// <summary>
/// Refuses what Spectre left over after binding a command's settings: an unknown option or a stray argument
/// (exit code 2). Spectre's strict mode would refuse them too, but on a parse error it retries with the name of a
/// default command inserted at each position, so <c>warehouse load --duckdb-path</c> (value forgotten) ran a load into
/// a DuckDB file named <c>__default_command</c>.
/// </summary>
public sealed class LeftoverArgumentsInterceptor : ICommandInterceptor
{
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        var leftover = context.Remaining.Parsed.Select(group => group.Key).Concat(context.Remaining.Raw).FirstOrDefault();
        if (leftover is not null)
        {
            throw new UnknownArgumentException($"Unknown option or argument '{leftover}'.");
        }
    }

    public void InterceptResult(CommandContext context, CommandSettings settings, ref int result)
    {
    }
}

/// <summary>An option or argument no command takes.</summary>
public sealed class UnknownArgumentException(string message) : Exception(message);
