namespace Insights.Api.Tests;

using System.Net;
using Insights.Generator;
using Insights.Stats;
using Xunit.Abstractions;

[Collection(ApiCollection.Name)]
public sealed class GroundTruthEndToEndTests(ApiFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task After_a_generator_run_every_video_answers_its_ground_truth()
    {
        var dataset = DatasetGenerator.Generate(new GeneratorOptions
        {
            Seed = 2026,
            Creators = 12,
            Videos = 60,
            Comments = 4_000,
            Start = DateTimeOffset.UtcNow.AddHours(-2),
            Span = TimeSpan.FromMinutes(110),
        });
        var sink = new HttpEventSink(fixture.Client, new HttpEventSinkOptions { BatchSize = 500, Parallelism = 4 });
        var report = await new GeneratorRunner(sink, TimeProvider.System, new RunnerOptions { Live = false }).RunAsync(dataset);

        Assert.Equal(RunOutcome.Completed, report.Outcome);
        Assert.Equal(report.Total, report.Accepted);
        Assert.True(dataset.Truth.Totals.DuplicatesSent > 0, "the run should exercise de-duplication");
        Assert.True(dataset.Truth.Totals.EngagementObservations > dataset.Truth.Videos.Count, "the run should send counters repeatedly");

        var mismatches = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var truth in report.Truth.Videos)
        {
            VideoStats? stats;
            Totals expected = new() { Views = truth.Views, Likes = truth.Likes, Shares = truth.Shares, Comments = truth.Comments };
            do
            {
                var response = await fixture.Client.GetAsync($"/api/videos/{truth.VideoId}");
                stats = response.StatusCode == HttpStatusCode.OK ? await response.Read<VideoStats>() : null;
                if (stats?.Totals == expected)
                {
                    break;
                }

                await Task.Delay(100);
            }
            while (DateTime.UtcNow < deadline);

            if (stats?.Totals != expected)
            {
                mismatches.Add($"{truth.VideoId}: expected {expected}, got {stats?.Totals}");
            }
        }

        output.WriteLine($"{report.Truth.Videos.Count} videos, {report.Accepted} events accepted, {dataset.Truth.Totals.DuplicatesSent} duplicate comments sent");
        Assert.Empty(mismatches);
    }
}
