namespace Insights.Sources.Tests.TikTok;

using Insights.Sources.Tests.Support;
using Insights.Sources.TikTok;

/// <summary>The Research API client against the stub: documented request shapes, tokens, 401, 429, 5xx, outages, malformed pages.</summary>
public sealed class ResearchClientTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static VideoQuery ByUser(string username) => new("username", [username], Today.AddDays(-7), Today);

    [Fact]
    public async Task Requests_have_the_documented_shapes_and_pages_carry_cursor_and_search_id()
    {
        await using var h = await SourceHarness.StartAsync();
        for (var i = 0; i < 150; i++)
        {
            h.Stub.AddVideo("chef_ana", h.Now - 3600 - i, i);
        }

        var client = h.NewClient();
        var first = await client.QueryVideosAsync(ByUser("chef_ana"), 0, null, 100, "username:chef_ana", CancellationToken.None);
        var second = await client.QueryVideosAsync(ByUser("chef_ana"), first.Cursor, first.SearchId, 100, "username:chef_ana", CancellationToken.None);
        var comments = await client.ListCommentsAsync(first.Videos[0].Id!, 0, 100, CancellationToken.None);

        Assert.Equal((100, 100, true), (first.Videos.Count, first.Cursor, first.HasMore));
        Assert.Equal((50, 150, false), (second.Videos.Count, second.Cursor, second.HasMore));
        Assert.NotNull(first.SearchId);
        Assert.Empty(comments.Comments);

        var requests = h.Stub.ResearchRequests;
        Assert.All(requests, r => Assert.Equal("Bearer clt.stub1", r.Authorization));
        Assert.Equal(TikTokResearchClient.VideoFields, requests[0].Fields);
        Assert.Equal("id,video_description,create_time,region_code,share_count,view_count,like_count,comment_count,music_id,hashtag_names,username,voice_to_text", requests[0].Fields);
        var body = requests[0].Json!;
        Assert.Equal("""{"and":[{"operation":"IN","field_name":"username","field_values":["chef_ana"]}]}""", body["query"]!.ToJsonString());
        Assert.Equal(Today.AddDays(-7).ToString("yyyyMMdd"), (string?)body["start_date"]);
        Assert.Equal(Today.ToString("yyyyMMdd"), (string?)body["end_date"]);
        Assert.Equal(100, (int?)body["max_count"]);
        Assert.Equal(0, (int?)body["cursor"]);
        Assert.Null(body["search_id"]);
        Assert.Equal(100, (int?)requests[1].Json!["cursor"]);
        Assert.Equal(first.SearchId, (string?)requests[1].Json!["search_id"]);

        Assert.Equal(TikTokStub.CommentListPath, requests[2].Path);
        Assert.Equal("id,video_id,text,like_count,reply_count,parent_comment_id,create_time", requests[2].Fields);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, requests[2].Json!["video_id"]!.GetValueKind());
        Assert.Equal(first.Videos[0].Id, requests[2].Json!["video_id"]!.ToJsonString());

        var token = Assert.Single(h.Stub.Requests, r => r.IsToken);
        Assert.Equal($"client_key={TikTokStub.ClientKey}&client_secret={TikTokStub.ClientSecret}&grant_type=client_credentials", token.Body);
    }

    [Fact]
    public async Task The_token_is_renewed_a_margin_before_it_expires()
    {
        var clock = new ManualTimeProvider();
        await using var h = await SourceHarness.StartAsync(clock);
        var client = h.NewClient(o => o.TokenRefreshMargin = TimeSpan.FromMinutes(5));

        await client.ListCommentsAsync("1", 0, 10, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(7200 - 300 - 1));
        await client.ListCommentsAsync("1", 0, 10, CancellationToken.None);
        Assert.Equal(1, client.TokensObtained);

        clock.Advance(TimeSpan.FromSeconds(1));
        await client.ListCommentsAsync("1", 0, 10, CancellationToken.None);
        Assert.Equal(2, client.TokensObtained);
        Assert.Equal("Bearer clt.stub2", h.Stub.ResearchRequests[^1].Authorization);
    }

    [Fact]
    public async Task A_401_renews_the_token_and_sends_again_once()
    {
        await using var h = await SourceHarness.StartAsync();
        var client = h.NewClient();
        await client.ListCommentsAsync("1", 0, 10, CancellationToken.None);

        h.Stub.RevokeTokens(); // an expired or revoked token: the API answers 401
        await client.ListCommentsAsync("1", 0, 10, CancellationToken.None);

        Assert.Equal(2, client.TokensObtained);
        Assert.Equal(["Bearer clt.stub1", "Bearer clt.stub1", "Bearer clt.stub2"], h.Stub.ResearchRequests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_token_refused_again_after_renewal_fails_without_looping()
    {
        await using var h = await SourceHarness.StartAsync();
        h.Stub.Intercept = r => r.IsToken ? null : StubReply.Error(401, "access_token_invalid");
        var client = h.NewClient();

        var ex = await Assert.ThrowsAsync<ResearchApiException>(() => client.ListCommentsAsync("42", 0, 10, CancellationToken.None));

        Assert.False(ex.Transient);
        Assert.Equal(2, h.Stub.ResearchRequests.Count);
        Assert.Contains(h.Logs.Warnings, m => m.Contains("video 42", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_client_credentials_fail_at_once_with_the_reason()
    {
        await using var h = await SourceHarness.StartAsync();
        var client = h.NewClient(o => o.ClientSecret = "wrong");

        var ex = await Assert.ThrowsAsync<ResearchApiException>(() => client.ListCommentsAsync("1", 0, 10, CancellationToken.None));

        Assert.Equal(("token", "invalid_client", false), (ex.Operation, ex.Reason, ex.Transient));
        Assert.Single(h.Stub.Requests);
        Assert.DoesNotContain(h.Logs.Entries, e => e.Message.Contains("wrong", StringComparison.Ordinal)); // the secret is never logged
    }

    [Fact]
    public async Task A_429_waits_for_Retry_After_and_is_counted_as_throttled()
    {
        var clock = new ManualTimeProvider();
        await using var h = await SourceHarness.StartAsync(clock);
        var answered429 = 0;
        h.Stub.Intercept = r => !r.IsToken && Interlocked.Increment(ref answered429) == 1
            ? new StubReply(429, """{"error":{"code":"rate_limit_exceeded","message":"slow down","log_id":"x"}}""", new Dictionary<string, string> { ["Retry-After"] = "7" })
            : null;
        var client = h.NewClient();

        var call = client.ListCommentsAsync("1", 0, 10, CancellationToken.None);
        await clock.WaitForTimerAsync();
        Assert.Equal(clock.GetUtcNow().AddSeconds(7), Assert.Single(clock.PendingTimers));
        Assert.False(call.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(7));
        await call.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, h.Stub.ResearchRequests.Count);
        Assert.Equal(1, h.Metrics.Sum("insights.sources.throttled", "reason=http_429"));
        Assert.Equal(1, h.Metrics.Sum("insights.sources.requests", "operation=comment_list", "status=429"));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_and_counted()
    {
        await using var h = await SourceHarness.StartAsync();
        var calls = 0;
        h.Stub.Intercept = r => !r.IsToken && Interlocked.Increment(ref calls) <= 2 ? new StubReply(500, "oops") : null;
        var client = h.NewClient();

        var page = await client.ListCommentsAsync("1", 0, 10, CancellationToken.None);

        Assert.Empty(page.Comments);
        Assert.Equal(3, h.Stub.ResearchRequests.Count);
        Assert.Equal(2, h.Metrics.Sum("insights.sources.failures", "operation=comment_list", "reason=http_500"));
    }

    [Theory]
    [InlineData("{\"data\": {\"comments\": [")]
    [InlineData("<html>bad gateway</html>")]
    [InlineData("{\"data\":{\"comments\":[],\"cursor\":0,\"has_more\":true},\"error\":{\"code\":\"ok\"}}")] // has_more without progress
    [InlineData("{\"data\":{\"comments\":\"none\"},\"error\":{\"code\":\"ok\"}}")]
    public async Task Malformed_pages_are_retried_then_fail_as_malformed(string body)
    {
        await using var h = await SourceHarness.StartAsync();
        h.Stub.Intercept = r => r.IsToken ? null : new StubReply(200, body);
        var client = h.NewClient();

        var ex = await Assert.ThrowsAsync<ResearchApiException>(() => client.ListCommentsAsync("7", 0, 10, CancellationToken.None));

        Assert.Equal(("malformed", true), (ex.Reason, ex.Transient));
        Assert.Equal(3, h.Stub.ResearchRequests.Count); // MaxAttempts
        Assert.Equal(3, h.Metrics.Sum("insights.sources.failures", "reason=malformed"));
    }

    [Theory]
    [InlineData(400, "invalid_params")]
    [InlineData(403, "scope_not_authorized")]
    [InlineData(200, "invalid_params")]
    public async Task An_error_code_fails_at_once_with_the_code(int status, string code)
    {
        await using var h = await SourceHarness.StartAsync();
        h.Stub.Intercept = r => r.IsToken ? null : StubReply.Error(status, code, "nope");
        var client = h.NewClient();

        var ex = await Assert.ThrowsAsync<ResearchApiException>(() => client.ListCommentsAsync("7", 0, 10, CancellationToken.None));

        Assert.Equal((code, code, false), (ex.Code, ex.Reason, ex.Transient));
        Assert.Equal("stub-log-1", ex.LogId);
        Assert.Single(h.Stub.ResearchRequests);
        Assert.Equal(1, h.Metrics.Sum("insights.sources.failures", $"reason={code}"));
    }

    [Fact]
    public async Task A_bare_error_body_is_read_for_its_code()
    {
        await using var h = await SourceHarness.StartAsync();
        h.Stub.Intercept = r => r.IsToken ? null : new StubReply(400, """{"error":{"code":"invalid_params"}}""");
        var client = h.NewClient();

        var ex = await Assert.ThrowsAsync<ResearchApiException>(() => client.QueryVideosAsync(ByUser("a"), 0, null, 100, "username:a", CancellationToken.None));

        Assert.Equal(("video_query", "invalid_params", false, 400), (ex.Operation, ex.Code, ex.Transient, ex.HttpStatus));
        Assert.Contains(h.Logs.Warnings, m => m.Contains("query username:a", StringComparison.Ordinal) && m.Contains("invalid_params", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dropped_connections_are_retried()
    {
        await using var h = await SourceHarness.StartAsync();
        var calls = 0;
        h.Stub.Intercept = r => !r.IsToken && Interlocked.Increment(ref calls) == 1 ? new StubReply(0, Abort: true) : null;
        var client = h.NewClient();

        await client.ListCommentsAsync("1", 0, 10, CancellationToken.None);

        Assert.Equal(2, h.Stub.ResearchRequests.Count);
        Assert.Equal(1, h.Metrics.Sum("insights.sources.failures", "reason=connection"));
    }

    [Fact]
    public async Task A_refused_connection_fails_after_the_attempts_as_an_outage()
    {
        await using var h = await SourceHarness.StartAsync();
        var client = h.NewClient(o => o.BaseUrl = TikTokStub.RefusingBaseUrl());

        var ex = await Assert.ThrowsAsync<ResearchApiException>(() => client.ListCommentsAsync("1", 0, 10, CancellationToken.None));

        Assert.Equal(("token", "connection", true), (ex.Operation, ex.Reason, ex.Transient));
        Assert.Equal(3, h.Metrics.Sum("insights.sources.failures", "operation=token", "reason=connection"));
    }
}
