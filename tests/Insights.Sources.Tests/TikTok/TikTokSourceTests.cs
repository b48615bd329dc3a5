namespace Insights.Sources.Tests.TikTok;

using System.Text.Json;
using Insights.Sources.Tests.Support;
using Insights.Wire;

/// <summary>The source against the stub API with a recording sink: paging, events, state across restarts, failures, budget.</summary>
public sealed class TikTokSourceTests
{
    [Fact]
    public async Task A_poll_reads_every_page_of_videos_and_comments_and_sends_wire_events()
    {
        await using var h = await SourceHarness.StartAsync();
        var videos = Enumerable.Range(0, 130).Select(i => h.Stub.AddVideo("chef_ana", h.Now - 7200 - i, i, views: 1000 + i, likes: 100 + i, shares: i)).ToList();
        h.Stub.AddVideo("someone_else", h.Now - 100, 999);
        var busy = videos[3];
        h.Stub.AddComments(busy, 250, h.Now - 3000);
        h.Stub.AddComments(videos[100], 5, h.Now - 500);
        var source = h.NewSource();

        var before = h.Clock.GetUtcNow().ToUnixTimeSeconds();
        await source.PollOnceAsync(CancellationToken.None);
        var after = h.Clock.GetUtcNow().ToUnixTimeSeconds();

        Assert.Equal(130, h.Sink.AcceptedOfType(WireFields.TypeVideo).Count);
        Assert.Equal(130, h.Sink.AcceptedOfType(WireFields.TypeEngagement).Count);
        Assert.Equal(255, h.Sink.CommentIds.Count);
        Assert.Equal(255, h.Sink.CommentIds.Distinct().Count());

        var video = h.Sink.AcceptedOfType(WireFields.TypeVideo).Single(e => e.Id == busy.Id.ToString());
        Assert.Equal(("chef_ana", busy.CreateTime, "US", busy.Description, "77"), (video.Username, video.CreateTime, video.RegionCode, video.VideoDescription, video.MusicId));
        Assert.Equal(["fyp"], video.HashtagNames);
        var engagement = h.Sink.AcceptedOfType(WireFields.TypeEngagement).Single(e => e.VideoId == busy.Id.ToString());
        Assert.Equal((busy.Views, busy.Likes, busy.Shares), (engagement.ViewCount, engagement.LikeCount, engagement.ShareCount));
        Assert.InRange(engagement.Time!.Value, before, after); // observed at poll time
        var stubComment = busy.Comments[17];
        var comment = h.Sink.AcceptedOfType(WireFields.TypeComment).Single(e => e.Id == stubComment.Id.ToString());
        Assert.Equal((busy.Id.ToString(), stubComment.Text, stubComment.CreateTime, stubComment.Likes, stubComment.Replies, busy.Id.ToString()),
            (comment.VideoId, comment.Text, comment.CreateTime, comment.LikeCount, comment.ReplyCount, comment.ParentCommentId));

        var queries = h.Stub.ResearchRequests.Where(r => r.IsVideoQuery).ToList();
        Assert.Equal([0L, 100L], queries.Select(r => r.Cursor));
        Assert.NotNull((string?)queries[1].Json!["search_id"]);
        var busyPages = h.Stub.ResearchRequests.Where(r => r.IsCommentList && r.VideoId == busy.Id.ToString()).Select(r => r.Cursor);
        Assert.Equal([0L, 100L, 200L], busyPages);
        Assert.Equal(130, h.Stub.ResearchRequests.Count(r => r.IsCommentList && r.Cursor == 0));
        Assert.Equal(130 * 2 + 255, h.Metrics.Sum("insights.sources.events", "outcome=accepted"));
        Assert.Equal(2 + 130 + 2, h.Metrics.Sum("insights.sources.requests", "status=200") - 1); // one token request
    }

    [Fact]
    public async Task Comments_stop_at_MaxCommentsPerVideo_and_the_cursor_never_passes_it()
    {
        await using var h = await SourceHarness.StartAsync(new ManualTimeProvider());
        var video = h.Stub.AddVideo("chef_ana", h.Now - 7200, 1);
        h.Stub.AddComments(video, 1_050, h.Now - 5000);
        var source = h.NewSource();

        await source.PollOnceAsync(CancellationToken.None);
        Assert.Equal(1_000, h.Sink.CommentIds.Distinct().Count());
        Assert.All(h.Stub.ResearchRequests.Where(r => r.IsCommentList), r => Assert.InRange(r.Cursor + (long)r.Json!["max_count"]!, 0, 1000));

        h.ManualClock.Advance(TimeSpan.FromHours(1));
        var commentRequests = h.Stub.ResearchRequests.Count(r => r.IsCommentList);
        await source.PollOnceAsync(CancellationToken.None);
        Assert.Equal(commentRequests, h.Stub.ResearchRequests.Count(r => r.IsCommentList)); // capped: not asked again
        Assert.Equal(1_000, h.Sink.CommentIds.Count);
    }

    [Fact]
    public async Task A_restart_resumes_from_the_saved_state_without_duplicates_or_gaps()
    {
        var clock = new ManualTimeProvider();
        await using var h = await SourceHarness.StartAsync(clock);
        var first = h.Stub.AddVideo("chef_ana", h.Now - 7200, 1);
        var second = h.Stub.AddVideo("chef_ana", h.Now - 3600, 2);
        h.Stub.AddComments(first, 150, h.Now - 3000, perSecond: 3); // page boundaries fall inside a second
        h.Stub.AddComments(second, 30, h.Now - 3000);

        using (var before = h.NewSource())
        {
            await before.PollOnceAsync(CancellationToken.None);
        }

        Assert.Equal(180, h.Sink.CommentIds.Count);
        clock.Advance(TimeSpan.FromMinutes(61));
        h.Stub.AddComments(first, 70, h.Now - 1000, perSecond: 3);
        h.Stub.AddComments(second, 5, h.Now - 1000);
        var third = h.Stub.AddVideo("chef_ana", h.Now - 600, 3);
        h.Stub.AddComments(third, 10, h.Now - 300);
        var requestsBefore = h.Stub.ResearchRequests.Count;

        var after = h.NewSource();
        await after.PollOnceAsync(CancellationToken.None);

        var expected = new[] { first, second, third }.SelectMany(v => v.Comments).Select(c => c.Id.ToString()).Order().ToList();
        Assert.Equal(expected, h.Sink.CommentIds.Order().ToList()); // each comment exactly once
        var resumed = h.Stub.ResearchRequests.Skip(requestsBefore).Where(r => r.IsCommentList).ToList();
        Assert.Equal([150L], resumed.Where(r => r.VideoId == first.Id.ToString()).Select(r => r.Cursor));
        Assert.Equal(220, after.State.Videos[first.Id.ToString()].CommentCursor);

        using var state = JsonDocument.Parse(h.State.Document!);
        Assert.Equal(220, state.RootElement.GetProperty("videos").GetProperty(first.Id.ToString()).GetProperty("comment_cursor").GetInt64());
        Assert.True(state.RootElement.GetProperty("queries").GetProperty("username:chef_ana").TryGetProperty("last_poll_at", out _));
    }

    [Fact]
    public async Task A_restart_within_the_poll_interval_sends_nothing_again()
    {
        var clock = new ManualTimeProvider();
        await using var h = await SourceHarness.StartAsync(clock);
        var video = h.Stub.AddVideo("chef_ana", h.Now - 7200, 1);
        h.Stub.AddComments(video, 20, h.Now - 3000);
        using (var before = h.NewSource())
        {
            var next = await before.PollOnceAsync(CancellationToken.None);
            Assert.Equal(clock.GetUtcNow().AddHours(1), next);
        }

        var sent = h.Sink.Log.Count;
        var requests = h.Stub.Requests.Count;
        clock.Advance(TimeSpan.FromMinutes(10));

        var after = h.NewSource();
        var due = await after.PollOnceAsync(CancellationToken.None);

        Assert.Equal(sent, h.Sink.Log.Count);
        Assert.Equal(requests, h.Stub.Requests.Count);
        Assert.Equal(clock.GetUtcNow().AddMinutes(50), due);
    }

    [Fact]
    public async Task A_failing_video_does_not_stop_the_others_and_resumes_at_its_failed_page_after_a_restart()
    {
        var clock = new ManualTimeProvider();
        await using var h = await SourceHarness.StartAsync(clock);
        var broken = h.Stub.AddVideo("chef_ana", h.Now - 7200, 1);
        var fine = h.Stub.AddVideo("chef_ana", h.Now - 3600, 2);
        h.Stub.AddComments(broken, 250, h.Now - 3000);
        h.Stub.AddComments(fine, 20, h.Now - 3000);
        var outage = true;
        h.Stub.Intercept = r => outage && r.IsCommentList && r.VideoId == broken.Id.ToString() && r.Cursor == 100 ? new StubReply(503, "down") : null;

        using (var before = h.NewSource(o => o.MaxAttempts = 2))
        {
            var poll = before.PollOnceAsync(CancellationToken.None);
            await clock.WaitForTimerAsync(); // the backoff between the two attempts
            clock.Advance(TimeSpan.FromSeconds(1));
            var next = await poll;
            Assert.Equal(clock.GetUtcNow().AddSeconds(-1).AddMinutes(1), next); // failed: tried again after FailedPollRetryInterval
        }

        Assert.Equal(120, h.Sink.CommentIds.Count); // 100 of the broken video, all 20 of the other
        Assert.Contains(h.Logs.Warnings, m => m.Contains($"Comments of video {broken.Id} failed at cursor 100", StringComparison.Ordinal));
        Assert.Equal(2, h.Metrics.Sum("insights.sources.failures", "operation=comment_list", "reason=http_503"));

        outage = false;
        clock.Advance(TimeSpan.FromMinutes(1));
        var after = h.NewSource();
        await after.PollOnceAsync(CancellationToken.None);

        Assert.Equal(270, h.Sink.CommentIds.Count);
        Assert.Equal(270, h.Sink.CommentIds.Distinct().Count());
        Assert.Single(h.Stub.ResearchRequests, r => r.IsCommentList && r.VideoId == fine.Id.ToString()); // read moments ago: not again
    }

    [Fact]
    public async Task An_error_code_on_one_video_is_logged_and_the_poll_completes()
    {
        await using var h = await SourceHarness.StartAsync();
        var refused = h.Stub.AddVideo("chef_ana", h.Now - 7200, 1);
        var fine = h.Stub.AddVideo("chef_ana", h.Now - 3600, 2);
        h.Stub.AddComments(fine, 3, h.Now - 100);
        h.Stub.Intercept = r => r.IsCommentList && r.VideoId == refused.Id.ToString() ? StubReply.Error(400, "invalid_params", "comments disabled") : null;
        var source = h.NewSource();

        var next = await source.PollOnceAsync(CancellationToken.None);

        Assert.Equal(3, h.Sink.CommentIds.Count);
        Assert.Contains(h.Logs.Warnings, m => m.Contains($"video {refused.Id}", StringComparison.Ordinal) && m.Contains("invalid_params", StringComparison.Ordinal));
        Assert.NotNull(source.State.Queries["username:chef_ana"].LastPollAt); // a permanent error does not make the query retry every minute
        Assert.True(next > h.Clock.GetUtcNow().AddMinutes(59));
    }

    [Fact]
    public async Task A_malformed_video_page_sends_nothing_and_the_poll_is_tried_again_soon()
    {
        var clock = new ManualTimeProvider();
        await using var h = await SourceHarness.StartAsync(clock);
        var video = h.Stub.AddVideo("chef_ana", h.Now - 7200, 1);
        h.Stub.AddComments(video, 4, h.Now - 100);
        h.Stub.Intercept = r => r.IsVideoQuery ? new StubReply(200, "{\"data\":{\"videos\":[{\"id\":") : null;
        var source = h.NewSource(o => o.MaxAttempts = 1);

        var next = await source.PollOnceAsync(CancellationToken.None);
        Assert.Empty(h.Sink.Log);
        Assert.Equal(clock.GetUtcNow().AddMinutes(1), next);
        Assert.Contains(h.Logs.Warnings, m => m.Contains("username:chef_ana", StringComparison.Ordinal) && m.Contains("not JSON", StringComparison.Ordinal));

        h.Stub.Intercept = null;
        clock.Advance(TimeSpan.FromMinutes(1));
        await source.PollOnceAsync(CancellationToken.None);
        Assert.Equal(4, h.Sink.CommentIds.Count);
        Assert.Single(h.Sink.AcceptedOfType(WireFields.TypeVideo));
    }

    [Fact]
    public async Task An_api_outage_sends_nothing_is_counted_and_the_poll_is_tried_again_soon()
    {
        var clock = new ManualTimeProvider();
        await using var h = await SourceHarness.StartAsync(clock);
        var source = h.NewSource(o => { o.BaseUrl = TikTokStub.RefusingBaseUrl(); o.MaxAttempts = 1; });

        var next = await source.PollOnceAsync(CancellationToken.None);

        Assert.Empty(h.Sink.Log);
        Assert.Equal(clock.GetUtcNow().AddMinutes(1), next);
        Assert.Equal(1, h.Metrics.Sum("insights.sources.failures", "reason=connection"));
        Assert.Null(source.State.Queries["username:chef_ana"].LastPollAt);
        Assert.Contains(h.Logs.Warnings, m => m.Contains("username:chef_ana", StringComparison.Ordinal) && m.Contains("Connection failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Items_answered_retry_are_sent_again_until_accepted()
    {
        await using var h = await SourceHarness.StartAsync();
        var video = h.Stub.AddVideo("chef_ana", h.Now - 7200, 1);
        h.Stub.AddComments(video, 10, h.Now - 100);
        h.Sink.Answer = (e, sends) => e.Type == WireFields.TypeComment && e.Id!.EndsWith('3') && sends <= 2
            ? SinkItemResult.Retry("cluster busy")
            : SinkItemResult.Accepted;
        var source = h.NewSource();

        await source.PollOnceAsync(CancellationToken.None);

        Assert.Equal(10, h.Sink.CommentIds.Distinct().Count());
        Assert.Equal(10, h.Sink.CommentIds.Count); // accepted once each
        Assert.Equal(h.Sink.Log.Count(x => x.Status == SinkStatus.Retry), video.Comments.Count(c => c.Id.ToString().EndsWith('3')) * 2);
        Assert.Equal(10, source.State.Videos[video.Id.ToString()].CommentCursor);
    }

    [Fact]
    public async Task Events_still_answered_retry_keep_the_cursor_so_nothing_is_skipped()
    {
        var clock = new ManualTimeProvider();
        await using var h = await SourceHarness.StartAsync(clock);
        var video = h.Stub.AddVideo("chef_ana", h.Now - 7200, 1);
        h.Stub.AddComments(video, 10, h.Now - 100);
        var busy = true;
        h.Sink.Answer = (e, _) => busy && e.Type == WireFields.TypeComment ? SinkItemResult.Retry() : SinkItemResult.Accepted;
        var source = h.NewSource(o => { o.MaxDeliveryAttempts = 1; });

        await source.PollOnceAsync(CancellationToken.None);
        Assert.Empty(h.Sink.CommentIds);
        Assert.Equal(0, source.State.Videos[video.Id.ToString()].CommentCursor);
        Assert.Equal(1, h.Metrics.Sum("insights.sources.failures", "operation=delivery", "reason=retry_exhausted"));

        busy = false;
        clock.Advance(TimeSpan.FromMinutes(1));
        await source.PollOnceAsync(CancellationToken.None);
        Assert.Equal(10, h.Sink.CommentIds.Count);
    }

    [Fact]
    public async Task Rejected_events_are_counted_and_logged_and_do_not_block_the_cursor()
    {
        await using var h = await SourceHarness.StartAsync();
        var video = h.Stub.AddVideo("chef_ana", h.Now - 7200, 1);
        var comments = h.Stub.AddComments(video, 5, h.Now - 100);
        var bad = comments[2].Id.ToString();
        h.Sink.Answer = (e, _) => e.Id == bad ? new SinkItemResult(SinkStatus.Rejected, "text: must not be empty") : SinkItemResult.Accepted;
        var source = h.NewSource();

        await source.PollOnceAsync(CancellationToken.None);

        Assert.Equal(4, h.Sink.CommentIds.Count);
        Assert.Equal(5, source.State.Videos[video.Id.ToString()].CommentCursor);
        Assert.Equal(1, h.Metrics.Sum("insights.sources.events", "type=comment", "outcome=rejected"));
        Assert.Contains(h.Logs.Warnings, m => m.Contains(bad, StringComparison.Ordinal) && m.Contains($"video {video.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_request_budget_per_minute_holds_requests_back_until_time_passes()
    {
        var clock = new ManualTimeProvider();
        await using var h = await SourceHarness.StartAsync(clock);
        for (var i = 0; i < 3; i++)
        {
            h.Stub.AddVideo("chef_ana", h.Now - 7200 - i, i);
        }

        var source = h.NewSource(o => o.RequestsPerMinute = 2); // 4 requests needed: the query and 3 comment lists
        var poll = source.PollOnceAsync(CancellationToken.None);

        await clock.WaitForTimerAsync();
        await Task.Delay(200);
        Assert.Equal(2, h.Stub.ResearchRequests.Count);
        Assert.False(poll.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(30));
        await WaitUntil(() => h.Stub.ResearchRequests.Count == 3);
        await clock.WaitForTimerAsync(due => due > clock.GetUtcNow());
        await Task.Delay(100);
        Assert.Equal(3, h.Stub.ResearchRequests.Count);

        clock.Advance(TimeSpan.FromSeconds(30));
        await poll.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(4, h.Stub.ResearchRequests.Count);
        Assert.Equal(2, h.Metrics.Sum("insights.sources.throttled", "reason=minute"));
    }

    [Fact]
    public async Task The_daily_budget_spent_survives_a_restart()
    {
        var clock = new ManualTimeProvider();
        await using var h = await SourceHarness.StartAsync(clock);
        h.Stub.AddVideo("chef_ana", h.Now - 7200, 1);
        using (var before = h.NewSource(o => o.RequestsPerDay = 2))
        {
            await before.PollOnceAsync(CancellationToken.None); // the query and one comment list: the day's budget
        }

        clock.Advance(TimeSpan.FromHours(1)); // 1/12 of a request back
        var after = h.NewSource(o => o.RequestsPerDay = 2);
        using var cts = new CancellationTokenSource();
        var poll = after.PollOnceAsync(cts.Token);
        await clock.WaitForTimerAsync();
        await Task.Delay(100);

        Assert.Equal(2, h.Stub.ResearchRequests.Count);
        Assert.Equal(1, h.Metrics.Sum("insights.sources.throttled", "reason=day"));
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll);
    }

    [Fact]
    public async Task Hashtag_and_video_queries_use_the_documented_fields_and_windows()
    {
        await using var h = await SourceHarness.StartAsync();
        var old = h.Now - 90 * 86400;
        var tagged = h.Stub.AddVideo("someone", h.Now - 7200, 1, hashtags: ["cooking", "fyp"]);
        var oldVideo = h.Stub.AddVideo("someone", old, 2);
        var source = h.NewSource(o =>
        {
            o.Usernames = [];
            o.HashtagQueries = ["#Cooking, recipes"];
            o.VideoIds = [oldVideo.Id.ToString()];
        });

        await source.PollOnceAsync(CancellationToken.None);

        var queries = h.Stub.ResearchRequests.Where(r => r.IsVideoQuery).Select(r => r.Json!).ToList();
        Assert.Equal("""{"and":[{"operation":"IN","field_name":"hashtag_name","field_values":["cooking","recipes"]}]}""", queries[0]["query"]!.ToJsonString());
        Assert.Equal("""{"and":[{"operation":"IN","field_name":"video_id","field_values":["{{ID}}"]}]}""".Replace("{{ID}}", oldVideo.Id.ToString()), queries[1]["query"]!.ToJsonString());
        var oldDate = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(old).UtcDateTime);
        Assert.Equal(oldDate.AddDays(-1).ToString("yyyyMMdd"), (string?)queries[1]["start_date"]); // the id gives the creation date
        Assert.Equal([tagged.Id.ToString(), oldVideo.Id.ToString()], h.Sink.AcceptedOfType(WireFields.TypeVideo).Select(e => e.Id));
        Assert.Equal(["hashtag:cooking,recipes", $"video:{oldVideo.Id}"], source.Queries.Select(q => q.Key));
    }

    [Fact]
    public async Task A_long_lookback_is_read_in_windows_of_at_most_30_days()
    {
        await using var h = await SourceHarness.StartAsync();
        var source = h.NewSource(o => o.LookbackDays = 45);

        await source.PollOnceAsync(CancellationToken.None);

        var today = DateOnly.FromDateTime(h.Clock.GetUtcNow().UtcDateTime);
        var windows = h.Stub.ResearchRequests.Where(r => r.IsVideoQuery)
            .Select(r => (Start: DateOnly.ParseExact((string)r.Json!["start_date"]!, "yyyyMMdd"), End: DateOnly.ParseExact((string)r.Json!["end_date"]!, "yyyyMMdd")))
            .ToList();
        Assert.Equal([(today.AddDays(-45), today.AddDays(-16)), (today.AddDays(-15), today)], windows);
        var state = source.State.Queries["username:chef_ana"];
        Assert.Equal((today.AddDays(-45), today, today), (state.LastWindowStart, state.LastWindowEnd, state.CompletedThrough));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(5);
        }
    }
}
