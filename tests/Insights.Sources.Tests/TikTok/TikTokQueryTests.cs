namespace Insights.Sources.Tests.TikTok;

using Insights.Sources.TikTok;

public sealed class TikTokQueryTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void After_an_outage_longer_than_the_lookback_the_poll_starts_where_it_stopped()
    {
        var query = new TikTokQuery("username:a", "username", ["a"]);
        var windows = query.Windows(Today, 7, new QueryState { CompletedThrough = Today.AddDays(-50) });

        Assert.Equal([(Today.AddDays(-50), Today.AddDays(-21)), (Today.AddDays(-20), Today)], windows);
        Assert.All(windows, w => Assert.InRange(w.End.DayNumber - w.Start.DayNumber, 0, 30));
    }

    [Fact]
    public void A_regular_poll_reads_the_lookback()
    {
        var query = new TikTokQuery("username:a", "username", ["a"]);
        Assert.Equal([(Today.AddDays(-7), Today)], query.Windows(Today, 7, new QueryState { CompletedThrough = Today.AddDays(-1) }));
        Assert.Equal([(Today, Today)], query.Windows(Today, 0, new QueryState()));
    }

    [Fact]
    public void A_video_id_gives_its_creation_date()
    {
        var created = new DateTimeOffset(2024, 3, 5, 22, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var id = ((created << 32) | 12345).ToString();

        Assert.Equal(new DateOnly(2024, 3, 5), TikTokQuery.CreationDateFromId(id));
        Assert.Null(TikTokQuery.CreationDateFromId("42"));
        Assert.Null(TikTokQuery.CreationDateFromId("video-1"));

        var query = Assert.Single(TikTokQuery.From(new TikTokSourceOptions { VideoIds = [id] }));
        Assert.Equal([(new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 6))], query.Windows(Today, 7, new QueryState()));
    }

    [Fact]
    public void Configured_entries_become_normalised_distinct_queries()
    {
        var queries = TikTokQuery.From(new TikTokSourceOptions
        {
            Usernames = ["@chef_ana", "chef_ana", " ", "bob"],
            HashtagQueries = ["#FYP", "cooking recipes", "fyp"],
        });

        Assert.Equal(["username:chef_ana", "username:bob", "hashtag:fyp", "hashtag:cooking,recipes"], queries.Select(q => q.Key));
    }

    [Fact]
    public void An_enabled_configuration_names_each_problem_by_key()
    {
        var problems = new TikTokSourceOptions { Enabled = true, BaseUrl = "not a url", PageSize = 500, MaxCommentsPerVideo = 5000 }.Validate();

        Assert.Contains(problems, p => p.StartsWith("Insights:Sources:TikTok:BaseUrl", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Insights:Sources:TikTok:ClientKey", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Insights:Sources:TikTok:ClientSecret", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Insights:Sources:TikTok:Usernames/HashtagQueries/VideoIds", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Insights:Sources:TikTok:PageSize", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Insights:Sources:TikTok:MaxCommentsPerVideo", StringComparison.Ordinal));
        Assert.Empty(new TikTokSourceOptions { BaseUrl = "not a url" }.Validate()); // disabled: not checked
    }
}
