namespace Insights.Generator.Cli;

/// <summary>The exit codes of <c>insights-generator</c>, as its help text lists them.</summary>
public static class GeneratorExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadArguments = 2;
    public const int Rejected = 3;
    public const int Stopped = 130;
}
