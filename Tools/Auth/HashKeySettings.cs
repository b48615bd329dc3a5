namespace Insights.Tools.Auth;

using System.ComponentModel;
using Spectre.Console.Cli;

/// <summary>The argument of <c>insights auth hash-key</c>.</summary>
public sealed class HashKeySettings : CommandSettings
{
    [CommandArgument(0, "[KEY]")]
    [Description("The key; omitted or '-' reads it from standard input, which keeps it out of shell history")]
    public string? Key { get; set; }
}
