namespace Insights.Api.Tests;

using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Insights.Grains.Videos;
using Insights.Ingest;
using Insights.Lake;
using Insights.Lake.Zones;
using Insights.Warehouse;
using Insights.Warehouse.Targets;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

/// <summary>
/// SQL injection strings in every free-text field go through ingest, the grains, the processed zone and a warehouse
/// load into DuckDB, and come out verbatim: every table still there, every row count equal to the lake's, and the
/// sentiment endpoint answering by parameter (an id made of SQL is refused, an id that merely contains "--" is data).
/// On its own silo, so the warehouse holds exactly what this test sent.
/// </summary>
public sealed class InjectionProofWarehouseTests(ApiFixture fixture, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    private static readonly string[] Injections =
    [
        "'); DROP TABLE fact_comment; --",
        "' OR '1'='1",
        "\"; DELETE FROM fact_comment WHERE \"\"=\"; --",
        "1; DROP TABLE load_manifest",
        "Robert'); DROP TABLE students;--",
        "x' UNION SELECT video_id, text FROM fact_comment --",
        "'; UPDATE dim_creator SET video_count = 0; --",
        "\\'; DROP TABLE dim_date; --",
    ];

    private static readonly string[] Tables =
        ["fact_comment", "fact_video_snapshot", "dim_video", "dim_video_hashtag", "dim_creator", "dim_date", "load_manifest"];

    [Fact]
    public async Task Sql_injection_strings_come_out_of_the_warehouse_verbatim_and_every_table_survives()
    {
        // Ids are data too: '--' is made of allowed characters, so it is a valid id and must never act as a comment.
        var video = "inj--" + Guid.NewGuid().ToString("N")[..12];
        var creator = "'); DROP TABLE dim_creator; --";
        var description = "\"; DELETE FROM dim_video WHERE '1'='1'; -- ' OR '1'='1 <script>alert(1)</script>";
        string[] hashtags = ["' OR '1'='1", "'); DROP TABLE fact_comment; --", "\"; DELETE FROM dim_video_hashtag; --", "1,2); DROP TABLE dim_video; --"];
        var comments = Injections.Select((text, i) => (Id: $"c{i}--", Text: text, Username: Injections[(i + 1) % Injections.Length])).ToList();

        var answer = await PostAsync(video, creator, description, hashtags, comments);
        Assert.Equal((comments.Count + 1, 1), (answer.Accepted, answer.Rejected));
        var refused = answer.Items.Single(i => i.Status == "rejected");
        Assert.Contains("id: must be 1 to 64 characters", refused.Error);

        var warehouse = fixture.SiloServices.GetRequiredService<WarehouseService>();
        await WaitForProcessedZoneAsync(video, comments.Count);
        var counts = await LoadUntilTheWarehouseMatchesTheLakeAsync(warehouse);
        output.WriteLine(string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));

        // Verbatim, row by row, read back by parameter.
        var rows = await warehouse.QueryAsync(
            "SELECT comment_id, username, text FROM fact_comment WHERE video_id = $video_id ORDER BY comment_id", Video(video));
        Assert.Equal(
            comments.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => (c.Id, c.Username, LakeRows.Clean(c.Text))),
            rows.Rows.Select(r => ((string)r[0]!, (string)r[1]!, (string)r[2]!)));
        var dim = (await warehouse.QueryAsync(
            "SELECT username, video_description, region_code, hashtag_names FROM dim_video WHERE video_id = $video_id", Video(video))).Rows.Single();
        Assert.Equal((creator, description, "' OR 1--", string.Join(',', hashtags)), ((string)dim[0]!, (string)dim[1]!, (string)dim[2]!, (string)dim[3]!));
        Assert.Equal(
            BridgeRows(hashtags),
            (await warehouse.QueryAsync("SELECT hashtag FROM dim_video_hashtag WHERE video_id = $video_id ORDER BY hashtag", Video(video)))
                .Rows.Select(r => (string)r[0]!));
        var creatorRow = await warehouse.QueryAsync("SELECT video_count FROM dim_creator WHERE username = $username",
            new Dictionary<string, object?> { ["username"] = creator });
        Assert.Equal(1L, Convert.ToInt64(creatorRow.Rows.Single()[0], System.Globalization.CultureInfo.InvariantCulture));

        // The sentiment endpoint binds the id: SQL in it is refused, an id merely containing "--" finds nothing.
        var sentiment = await fixture.Client.GetAsync($"/api/warehouse/video-sentiment/{video}");
        Assert.Equal(HttpStatusCode.OK, sentiment.StatusCode);
        var periods = await sentiment.Read<List<VideoSentimentPeriod>>();
        Assert.Equal(comments.Count, periods.Where(p => p.Grain == "day").Sum(p => p.Comments));
        Assert.Equal(comments.Count, periods.Where(p => p.Grain == "hour").Sum(p => p.Comments));
        foreach (var hostile in new[] { "' OR '1'='1", "x'; DROP TABLE fact_comment; --", "1 OR 1=1" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Client.GetAsync($"/api/warehouse/video-sentiment/{Uri.EscapeDataString(hostile)}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client.GetAsync("/api/warehouse/video-sentiment/1--")).StatusCode);

        // Nothing above changed a table.
        Assert.Equal(counts, await CountsAsync(warehouse));
    }

    private async Task<IngestResponse> PostAsync(
        string video, string creator, string description, string[] hashtags, List<(string Id, string Text, string Username)> comments)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var events = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "video", ["id"] = video, ["username"] = creator, ["create_time"] = now - 3600, ["region_code"] = "' OR 1--",
                ["video_description"] = description, ["hashtag_names"] = new JsonArray(hashtags.Select(h => (JsonNode)h!).ToArray()),
            },
            new JsonObject { ["type"] = "comment", ["id"] = "1' OR '1'='1", ["video_id"] = video, ["text"] = "refused by its id", ["create_time"] = now - 60 },
        };
        foreach (var c in comments)
        {
            events.Add(new JsonObject { ["type"] = "comment", ["id"] = c.Id, ["video_id"] = video, ["text"] = c.Text, ["username"] = c.Username, ["create_time"] = now - 60 });
        }

        // Quotes and angle brackets go out as themselves, not as \u0027 escapes: the server must take them literally.
        var json = events.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var response = await fixture.Client.PostAsync("/api/events", Json.Body(json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Read<IngestResponse>();
    }

    /// <summary>Until the comments, the dimension row and a snapshot with every comment are in the processed zone.</summary>
    private async Task WaitForProcessedZoneAsync(string video, int comments)
    {
        var reader = new LakeReader(fixture.SiloServices.GetRequiredService<ILakeStore>());
        var dimensions = fixture.SiloServices.GetRequiredService<DimensionTables>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        bool ready;
        do
        {
            await Task.Delay(500);
            ready = (await reader.ReadCommentsAsync()).Count(c => c.VideoId == video) == comments
                && (await dimensions.ReadVideosAsync()).Any(v => v.VideoId == video)
                && (await reader.ReadSnapshotsAsync()).Any(s => s.VideoId == video && s.Comments == comments);
        }
        while (!ready && DateTime.UtcNow < deadline);

        Assert.True(ready, "the processed zone never held the video's comments, dimension row and snapshot");
    }

    /// <summary>Loads (again, if a lake file landed meanwhile) until every table's rows equal the lake's.</summary>
    private async Task<Dictionary<string, long>> LoadUntilTheWarehouseMatchesTheLakeAsync(WarehouseService warehouse)
    {
        var reader = new LakeReader(fixture.SiloServices.GetRequiredService<ILakeStore>());
        var dimensions = fixture.SiloServices.GetRequiredService<DimensionTables>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var load = await fixture.Client.PostAsync("/api/warehouse/load", null);
            Assert.Equal(HttpStatusCode.OK, load.StatusCode);
            Assert.Empty((await load.Read<WarehouseLoadReport>()).Failures);

            var counts = await CountsAsync(warehouse);
            var lake = new Dictionary<string, long>
            {
                ["fact_comment"] = (await reader.ReadCommentsAsync()).Count,
                ["fact_video_snapshot"] = (await reader.ReadSnapshotsAsync()).Count,
                ["dim_video"] = (await dimensions.ReadVideosAsync()).Count,
                ["dim_creator"] = (await dimensions.ReadCreatorsAsync()).Count,
            };
            var files = 0;
            await foreach (var file in fixture.SiloServices.GetRequiredService<ILakeStore>().Zone(LakeZone.Processed).ListAsync(""))
            {
                files += file.Path.EndsWith(".parquet", StringComparison.Ordinal) ? 1 : 0;
            }

            lake["load_manifest"] = files;
            var differences = lake.Where(l => counts[l.Key] != l.Value).Select(l => $"{l.Key}: warehouse {counts[l.Key]}, lake {l.Value}").ToList();
            if (differences.Count == 0)
            {
                Assert.True(counts["dim_date"] > 0 && counts["dim_video_hashtag"] > 0, "dim_date and dim_video_hashtag are empty");
                return counts;
            }

            Assert.True(DateTime.UtcNow < deadline, "the warehouse never matched the lake: " + string.Join("; ", differences));
            await Task.Delay(1000);
        }
    }

    /// <summary>Every table, still a table, with its row count.</summary>
    private static async Task<Dictionary<string, long>> CountsAsync(WarehouseService warehouse)
    {
        var present = (await warehouse.QueryAsync("SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"))
            .Rows.Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(present, Tables.ToHashSet(StringComparer.Ordinal));
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables)
        {
            counts[table] = QueryResult.ToInt64((await warehouse.QueryAsync($"SELECT COUNT(*) FROM {table}")).Rows[0][0]);
        }

        return counts;
    }

    /// <summary>The bridge's documented rule: split on commas, trimmed, lower-cased, distinct, none empty.</summary>
    private static IEnumerable<string> BridgeRows(IEnumerable<string> hashtags) =>
        string.Join(',', hashtags).Split(',').Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal);

    private static Dictionary<string, object?> Video(string video) => new() { ["video_id"] = video };
}
