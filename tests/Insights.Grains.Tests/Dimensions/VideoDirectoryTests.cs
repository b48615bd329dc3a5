namespace Insights.Grains.Tests.Dimensions;

using Insights.Grains.Dimensions;
using Insights.Lake.Records;

public class VideoDirectoryTests
{
    private static readonly DateTime T0 = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    private static VideoDimRow Row(string id, string user, string tags, int hoursAgo = 0, string? description = null) => new()
    {
        VideoId = id,
        Username = user,
        HashtagNames = tags,
        CreateTime = T0.AddHours(-hoursAgo),
        VideoDescription = description ?? "video " + id,
    };

    private static VideoDirectory Directory(params VideoDimRow[] rows)
    {
        var directory = new VideoDirectory();
        foreach (var row in rows)
        {
            directory.Set(row);
        }

        return directory;
    }

    [Fact]
    public void Finds_creators_by_part_of_the_name_exact_then_prefix_then_the_rest()
    {
        var directory = Directory(
            Row("1", "ana", ""), Row("2", "anabel", ""), Row("3", "anabel", ""), Row("4", "anastasia", ""),
            Row("5", "chef_ana", ""), Row("6", "bob", ""));

        var found = directory.SearchCreators("ANA", 10);
        Assert.Equal(["ana", "anabel", "anastasia", "chef_ana"], found.Select(c => c.Username));
        Assert.Equal([1, 2, 1, 1], found.Select(c => c.Videos));
        Assert.Equal(["ana", "anabel"], directory.SearchCreators("ana", 2).Select(c => c.Username));
        Assert.Empty(directory.SearchCreators("zed", 10));
    }

    [Fact]
    public void A_creator_s_newest_video_time_comes_with_the_match()
    {
        var directory = Directory(Row("old", "ana", "", hoursAgo: 48), Row("new", "ana", "", hoursAgo: 2));

        Assert.Equal(new DateTimeOffset(T0.AddHours(-2)), Assert.Single(directory.SearchCreators("ana", 10)).LastVideoTime);
    }

    [Fact]
    public void Finds_videos_by_creator_by_hashtag_or_both_newest_first_with_creator_and_description()
    {
        var directory = Directory(
            Row("a1", "ana", "cooking,fyp", hoursAgo: 3, description: "pasta night"),
            Row("a2", "ana", "Cooking", hoursAgo: 1),
            Row("a3", "ana", "dance", hoursAgo: 2),
            Row("b1", "bob", "cooking", hoursAgo: 5));

        Assert.Equal(["a2", "a3", "a1"], directory.FindVideos("ana", null, 10).Select(v => v.VideoId));
        Assert.Equal(["a2", "a1", "b1"], directory.FindVideos(null, "#COOKING", 10).Select(v => v.VideoId));
        Assert.Equal(["a2", "a1"], directory.FindVideos("ana", "cooking", 10).Select(v => v.VideoId));
        Assert.Equal(["a2"], directory.FindVideos(null, "cooking", 1).Select(v => v.VideoId));
        Assert.Empty(directory.FindVideos("ANA", null, 10)); // a creator is its exact name, as its grain's key

        var pasta = directory.FindVideos("ana", "fyp", 10).Single();
        Assert.Equal("ana", pasta.Username);
        Assert.Equal("pasta night", pasta.Description);
        Assert.Equal(["cooking", "fyp"], pasta.Hashtags);
        Assert.Equal(new DateTimeOffset(T0.AddHours(-3)), pasta.CreateTime);
    }

    [Fact]
    public void Keeps_the_newest_videos_of_a_large_set_in_order_with_ties_by_id()
    {
        var rows = Enumerable.Range(0, 500).Select(i => Row($"v{i:D3}", "ana", "fyp", hoursAgo: i / 2)).Reverse().ToArray();
        var directory = Directory(rows);

        Assert.Equal(["v000", "v001", "v002", "v003", "v004"], directory.FindVideos(null, "fyp", 5).Select(v => v.VideoId));
        Assert.Equal(500, directory.FindVideos("ana", "fyp", 1000).Count);
        Assert.Empty(directory.FindVideos("ana", null, 0));
    }

    [Fact]
    public void A_changed_row_moves_between_creators_and_hashtags()
    {
        var directory = Directory(Row("v", "ana", "cooking"));
        directory.Set(Row("v", "anabel", "baking"));

        Assert.Equal(1, directory.Count);
        Assert.Empty(directory.FindVideos("ana", null, 10));
        Assert.Empty(directory.FindVideos(null, "cooking", 10));
        Assert.Equal(["anabel"], directory.SearchCreators("ana", 10).Select(c => c.Username));
        Assert.Equal(["v"], directory.FindVideos("anabel", "baking", 10).Select(v => v.VideoId));
    }

    [Fact]
    public void Times_read_back_from_a_file_without_a_kind_are_utc()
    {
        var row = Row("v", "ana", "");
        row.CreateTime = DateTime.SpecifyKind(T0, DateTimeKind.Unspecified);

        Assert.Equal(TimeSpan.Zero, Directory(row).FindVideos("ana", null, 1).Single().CreateTime.Offset);
        Assert.Equal(new DateTimeOffset(T0), Directory(row).FindVideos("ana", null, 1).Single().CreateTime);
    }
}
