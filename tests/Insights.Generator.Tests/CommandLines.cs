namespace Insights.Generator.Tests;

using Insights.Generator.Cli;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Testing;

/// <summary>Parses a generator command line the way <c>insights-generator</c> does (Spectre.Console.Cli), without running it.</summary>
internal static class CommandLines
{
    /// <summary>The resolved command line; fails the test when Spectre or <see cref="GeneratorSettings.Validate"/> refuses it.</summary>
    public static GeneratorCommandLine Parse(params string[] args) => Parse(_ => null, args);

    public static GeneratorCommandLine Parse(Func<string, string?> environment, params string[] args)
    {
        var result = Tester().Run(args);
        Assert.True(result.ExitCode == 0, result.Output);
        return Assert.IsType<GeneratorSettings>(result.Settings).Resolve(environment);
    }

    /// <summary>The message refusing <paramref name="args"/>, inner reasons included.</summary>
    public static string Error(params string[] args)
    {
        var failure = Tester().RunAndCatch<CommandAppException>(args);
        return failure.Exception.InnerException is { } inner ? $"{failure.Exception.Message} {inner.Message}" : failure.Exception.Message;
    }

    private static CommandAppTester Tester()
    {
        var tester = new CommandAppTester();
        tester.SetDefaultCommand<ParseOnly>();
        tester.Configure(GeneratorApp.ConfigureParsing);
        return tester;
    }

    private sealed class ParseOnly : Command<GeneratorSettings>
    {
        public override ValidationResult Validate(CommandContext context, GeneratorSettings settings) => GeneratorApp.RefuseLeftovers(context);

        public override int Execute(CommandContext context, GeneratorSettings settings, CancellationToken cancellationToken) => 0;
    }
}
