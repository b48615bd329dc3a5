namespace Insights.Tools.Cli;

/// <summary>The exit codes of <c>insights</c>.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The work failed (a load failed, a dbt test failed, a file could not be scored...).</summary>
    public const int Failure = 1;

    /// <summary>Unknown command or option, a missing or invalid value.</summary>
    public const int BadArguments = 2;

    public const int Stopped = 130;
}
