namespace Insights.Tools.Replay;

using System.ComponentModel;
using Insights.Tools.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>The options of <c>insights replay</c>.</summary>
public sealed class ReplaySettings : ConfiguredSettings
{
    [CommandOption("--from <TIME>")]
    [Description("First ingest hour to rebuild (ISO 8601, e.g. 2026-11-24T05:00Z; default: the lake's start)")]
    [TypeConverter(typeof(UtcTimeConverter))]
    public DateTimeOffset? From { get; set; }

    [CommandOption("--to <TIME>")]
    [Description("End of the range, exclusive, rounded up to the hour (default: the start of the current hour; the current hour is still being written by the silo)")]
    [TypeConverter(typeof(UtcTimeConverter))]
    public DateTimeOffset? To { get; set; }

    public override ValidationResult Validate()
    {
        var configured = base.Validate();
        if (!configured.Successful)
        {
            return configured;
        }

        return From is { } from && To is { } to && to <= from
            ? ValidationResult.Error("--to must be after --from.")
            : ValidationResult.Success();
    }

    /// <summary>The range to replay; without <c>--to</c>, up to the start of the hour of <paramref name="now"/>.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Range(DateTimeOffset now)
    {
        var to = To ?? new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        var from = From ?? DateTimeOffset.UnixEpoch;
        return to > from ? (from, to) : throw new ArgumentException($"--from {from:O} is not before the end of the range, {to:O}.");
    }
}
