namespace Insights.Generator.Cli;

using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>
/// <c>insights-generator</c>'s one command: generates the dataset, writes it (<c>--out</c>), sends it to the chosen
/// sink with a progress bar, and writes the ground truth of what was accepted.
/// </summary>
public sealed class GenerateCommand(IAnsiConsole console, StopSignals signals) : AsyncCommand<GeneratorSettings>
{
    public override ValidationResult Validate(CommandContext context, GeneratorSettings settings) => GeneratorApp.RefuseLeftovers(context);

    public override Task<int> ExecuteAsync(CommandContext context, GeneratorSettings settings, CancellationToken cancellationToken) =>
        RunAsync(settings.Resolve(Environment.GetEnvironmentVariable), signals.Stop, signals.Abort);

    private async Task<int> RunAsync(GeneratorCommandLine cl, CancellationToken stop, CancellationToken abort)
    {
        // The only clock reading: it fixes the start when none was given. Generation itself never reads a clock.
        var options = cl.ResolveOptions(DateTimeOffset.UtcNow);
        var dataset = console.Status().Start("Generating...", _ => DatasetGenerator.Generate(options));
        var now = DateTimeOffset.UtcNow;
        var backlog = dataset.Events.Count(e => e.SendAt <= now);
        console.MarkupLineInterpolated(
            $"Generated [bold]{dataset.Events.Count:N0}[/] events (seed {options.Seed}): {dataset.Videos.Count:N0} videos by {dataset.Creators.Count:N0} creators, {dataset.Comments.Count:N0} comments, from {dataset.Start:u} to {dataset.End:u}.");

        if (cl.OutPath is not null)
        {
            await dataset.WriteJsonLinesAsync(cl.OutPath, abort);
            console.MarkupLineInterpolated($"Wrote the events to [bold]{cl.OutPath}[/].");
        }

        if (cl.Sink == GeneratorSink.None)
        {
            await dataset.Truth.WriteAsync(cl.TruthPath, CancellationToken.None);
            console.MarkupLineInterpolated($"Wrote the ground truth of all events to [bold]{cl.TruthPath}[/] (nothing sent: no --api).");
            return GeneratorExitCodes.Ok;
        }

        using var destination = Destination.Open(cl);
        console.MarkupLineInterpolated(
            $"Sending to [bold]{destination.Name}[/]: {backlog:N0} events due now (backfill), {(cl.Live ? $"{dataset.Events.Count - backlog:N0} live until {dataset.End:u}" : $"{dataset.Events.Count - backlog:N0} in the future skipped (--no-live)")}.");

        var runner = new GeneratorRunner(destination.Sink, TimeProvider.System, new RunnerOptions { Live = cl.Live });

        RunReport report;
        string? failure = null;
        try
        {
            report = await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("Sending", maxValue: Math.Max(1, dataset.Events.Count));
                    var result = await runner.RunAsync(dataset, p => Show(task, p, destination), stop, abort);
                    task.Value = task.MaxValue;
                    return result;
                });
        }
        catch (GeneratorRunException ex)
        {
            report = ex.Report;
            failure = ex.Message;
        }

        await report.Truth.WriteAsync(cl.TruthPath, CancellationToken.None);
        Summary(report, cl);
        if (failure is not null)
        {
            console.MarkupLineInterpolated($"[red]Failed:[/] {failure}");
            console.MarkupLineInterpolated($"The ground truth of the {report.Accepted:N0} events accepted before the failure is in [bold]{cl.TruthPath}[/].");
            return GeneratorExitCodes.Failure;
        }

        console.MarkupLineInterpolated($"Wrote the ground truth of the {report.Accepted:N0} accepted events to [bold]{cl.TruthPath}[/].");
        if (report.Outcome is RunOutcome.Stopped or RunOutcome.Aborted)
        {
            return GeneratorExitCodes.Stopped;
        }

        if (report.Rejected > 0)
        {
            console.MarkupLineInterpolated($"[red]{report.Rejected:N0} events were rejected[/]; the generator only makes valid events, so this is a bug somewhere. First: {report.Rejections[0].Error ?? "(no reason given)"}");
            return GeneratorExitCodes.Rejected;
        }

        return GeneratorExitCodes.Ok;
    }

    private static void Show(ProgressTask task, RunProgress p, Destination sink)
    {
        task.Value = Math.Min(task.MaxValue, p.Done);
        var phase = p.Phase switch
        {
            RunPhase.Backfill => "backfill",
            RunPhase.Live when p.NextSendAt is { } next => $"live, next at {next.ToLocalTime():HH:mm:ss}",
            RunPhase.Live => "finishing",
            _ => "done",
        };
        var retry = p.PendingRetry > 0 ? $", [yellow]{p.PendingRetry:N0} to retry[/]" : "";
        var rejected = p.Rejected > 0 ? $", [red]{p.Rejected:N0} rejected[/]" : "";
        var failures = sink.TransientFailures();
        var busy = failures > 0 ? $", [yellow]{sink.Busy} {failures:N0}x[/]" : "";
        task.Description = string.Create(CultureInfo.InvariantCulture, $"{phase}: {p.Accepted:N0} accepted{rejected}{retry}{busy}");
    }

    private void Summary(RunReport r, GeneratorCommandLine cl)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("insights-generator").AddColumn("").AddColumn(new TableColumn("").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

        Row("Outcome", r.Outcome.ToString());
        Row("Events in dataset", N(r.Total));
        Row("Events sent", N(r.Sent));
        Row("Accepted", N(r.Accepted));
        Row("Rejected", N(r.Rejected));
        Row("Retried (\"retry\" answers)", N(r.Retried));
        Row("Not sent", N(r.Skipped));
        if (r.PendingRetry > 0)
        {
            Row("Awaiting retry (not accepted)", N(r.PendingRetry));
        }

        if (r.Unconfirmed > 0)
        {
            Row("Unconfirmed (in flight)", N(r.Unconfirmed));
        }

        Row("Videos", N(r.Truth.Totals.Videos));
        Row("Distinct comments", N(r.Truth.Totals.DistinctComments));
        Row("Duplicate comments sent", N(r.Truth.Totals.DuplicatesSent));
        Row("Engagement observations", N(r.Truth.Totals.EngagementObservations));
        Row("Elapsed", r.Elapsed.ToString(@"hh\:mm\:ss\.f", CultureInfo.InvariantCulture));
        Row("Events/s (accepted)", r.EventsPerSecond.ToString("N0", CultureInfo.InvariantCulture));
        Row("Truth", cl.TruthPath);
        console.Write(table);
    }
}
