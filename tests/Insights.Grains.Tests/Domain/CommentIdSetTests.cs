namespace Insights.Grains.Tests.Domain;

using Insights.Grains.Domain;

public class CommentIdSetTests
{
    [Fact]
    public void Adds_each_id_once()
    {
        var set = new CommentIdSet(100);
        Assert.True(set.Add("a"));
        Assert.False(set.Add("a"));
        Assert.True(set.Add("b"));
        Assert.Equal(2, set.Count);
    }

    [Fact]
    public void Past_capacity_the_oldest_id_is_forgotten_and_the_rest_remembered()
    {
        var set = new CommentIdSet(3);
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            Assert.True(set.Add(id));
        }

        Assert.Equal(3, set.Count);
        Assert.False(set.Contains("a"));
        Assert.True(set.Contains("b") && set.Contains("c") && set.Contains("d"));
        Assert.True(set.Add("a")); // forgotten, so it counts again: the stated bound
        Assert.False(set.Contains("b"));
    }

    [Fact]
    public void Many_ids_past_capacity_keep_exactly_the_most_recent()
    {
        var set = new CommentIdSet(1000);
        for (var i = 0; i < 5000; i++)
        {
            set.Add($"id{i}");
        }

        Assert.Equal(1000, set.Count);
        Assert.False(set.Contains("id3999"));
        Assert.True(set.Contains("id4000"));
        Assert.True(set.Contains("id4999"));
    }

    [Fact]
    public void Hash_is_stable_across_processes()
    {
        // A persisted set is read back by another process: the hash must not depend on per-process seeds.
        Assert.Equal(0xcbf29ce484222325UL, CommentIdSet.Hash(""));
        Assert.Equal(CommentIdSet.Hash("7300000000000000001"), CommentIdSet.Hash(new string("7300000000000000001".ToCharArray())));
        Assert.NotEqual(CommentIdSet.Hash("ab"), CommentIdSet.Hash("ba"));
    }
}
