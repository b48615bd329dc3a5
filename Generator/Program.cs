namespace Insights.Generator;

using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

/// <summary>The command-line entry point. Internal, so it never clashes with another project's <c>Program</c>.</summary>
internal static class Program
{
    private const int ExitOk = 0;
    private const int ExitFailure = 1;
    private const int ExitUsage = 2;
    private const int ExitRejected = 3;
    private const int ExitStopped = 130;

    public static async Task<int> Main(string[] args)
    {
        GeneratorCommandLine cl;
        try
        {
            cl = GeneratorCommandLine.Parse(args);
        }
        catch (ArgumentException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitUsage;
        }

        if (cl.Help)
        {
            Console.WriteLine(GeneratorCommandLine.Usage);
            return ExitOk;
        }

        using var stop = new CancellationTokenSource();
        using var abort = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            if (!stop.IsCancellationRequested)
            {
                AnsiConsole.MarkupLine("[yellow]Stopping after the requests in flight (Ctrl-C again to abort them)...[/]");
                stop.Cancel();
            }
            else
            {
                abort.Cancel();
            }
        };

        try
        {
            return await RunAsync(cl, stop.Token, abort.Token);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ex is ArgumentException ? ExitUsage : ExitFailure;
        }
    }

    private static async Task<int> RunAsync(GeneratorCommandLine cl, CancellationToken stop, CancellationToken abort)
    {
        // The only clock reading: it fixes the start when none was given. Generation itself never reads a clock.
        var options = cl.ResolveOptions(DateTimeOffset.UtcNow);
        var dataset = AnsiConsole.Status().Start("Generating...", _ => DatasetGenerator.Generate(options));
        var now = DateTimeOffset.UtcNow;
        var backlog = dataset.Events.Count(e => e.SendAt <= now);
        AnsiConsole.MarkupLineInterpolated(
            $"Generated [bold]{dataset.Events.Count:N0}[/] events (seed {options.Seed}): {dataset.Videos.Count:N0} videos by {dataset.Creators.Count:N0} creators, {dataset.Comments.Count:N0} comments, from {dataset.Start:u} to {dataset.End:u}.");

        if (cl.OutPath is not null)
        {
            await dataset.WriteJsonLinesAsync(cl.OutPath, abort);
            AnsiConsole.MarkupLineInterpolated($"Wrote the events to [bold]{cl.OutPath}[/].");
        }

        if (cl.Sink == GeneratorSink.None)
        {
            await dataset.Truth.WriteAsync(cl.TruthPath, CancellationToken.None);
            AnsiConsole.MarkupLineInterpolated($"Wrote the ground truth of all events to [bold]{cl.TruthPath}[/] (nothing sent: no --api).");
            return ExitOk;
        }

        using var destination = Destination.Open(cl);
        AnsiConsole.MarkupLineInterpolated(
            $"Sending to [bold]{destination.Name}[/]: {backlog:N0} events due now (backfill), {(cl.Live ? $"{dataset.Events.Count - backlog:N0} live until {dataset.End:u}" : $"{dataset.Events.Count - backlog:N0} in the future skipped (--no-live)")}.");

        var runner = new GeneratorRunner(destination.Sink, TimeProvider.System, new RunnerOptions { Live = cl.Live });

        RunReport report;
        string? failure = null;
        try
        {
            report = await AnsiConsole.Progress()
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
            AnsiConsole.MarkupLineInterpolated($"[red]Failed:[/] {failure}");
            AnsiConsole.MarkupLineInterpolated($"The ground truth of the {report.Accepted:N0} events accepted before the failure is in [bold]{cl.TruthPath}[/].");
            return ExitFailure;
        }

        AnsiConsole.MarkupLineInterpolated($"Wrote the ground truth of the {report.Accepted:N0} accepted events to [bold]{cl.TruthPath}[/].");
        if (report.Outcome is RunOutcome.Stopped or RunOutcome.Aborted)
        {
            return ExitStopped;
        }

        if (report.Rejected > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{report.Rejected:N0} events were rejected[/]; the generator only makes valid events, so this is a bug somewhere. First: {report.Rejections[0].Error ?? "(no reason given)"}");
            return ExitRejected;
        }

        return ExitOk;
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

    private static void Summary(RunReport r, GeneratorCommandLine cl)
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
        AnsiConsole.Write(table);
    }

    /// <summary>The sink the command line chose, with what the progress line says about its transient failures.</summary>
    private sealed record Destination(string Name, IEventSink Sink, Func<long> TransientFailures, string Busy, IDisposable Owned) : IDisposable
    {
        public static Destination Open(GeneratorCommandLine cl)
        {
            if (cl.Sink == GeneratorSink.EventHubs)
            {
                var options = EventHubsEventSinkOptions.From(cl, Environment.GetEnvironmentVariable);
                var hub = new EventHubsEventSink(options);
                var where = options.FullyQualifiedNamespace ?? "the connection string's namespace";
                return new($"Event Hubs {options.Hub} at {where}", hub, () => hub.TransientFailures, "hub busy or unreachable", hub);
            }

            var services = new ServiceCollection();
            services.AddIngestHttpClient(cl.Api!);
            var provider = services.BuildServiceProvider();
            var sink = new HttpEventSink(IngestHttpClient.Create(provider), new HttpEventSinkOptions { BatchSize = cl.BatchSize, Parallelism = cl.Parallelism, ApiKey = cl.ApiKey });
            return new(cl.Api!.ToString(), sink, () => sink.TransientFailures, "API busy or unreachable", provider);
        }

        public void Dispose() => Owned.Dispose();
    }
}
