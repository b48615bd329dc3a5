namespace Insights.Grains.Tests.Domain;

using Insights.Grains.Domain;

public class TermCounterTests
{
    [Fact]
    public void Frequent_terms_are_reported_within_the_stated_error_with_few_counters_and_few_strings()
    {
        var counter = new TermCounter(capacity: 16, named: 3);
        var truth = new Dictionary<string, long>();
        var total = 0L;
        for (var i = 0; i < 20_000; i++)
        {
            // Three heavy terms among a long tail of rare ones.
            var term = (i % 10) switch { 0 or 1 or 2 => "fire", 3 or 4 => "dance", 5 => "song", _ => "rare" + i };
            counter.Add(term);
            truth[term] = truth.GetValueOrDefault(term) + 1;
            total++;
        }

        var top = counter.Top(3);
        Assert.Equal(["fire", "dance", "song"], top.Select(t => t.Term));
        foreach (var t in top)
        {
            Assert.InRange(t.Count, truth[t.Term], truth[t.Term] + (total / counter.Capacity));
        }

        Assert.True(counter.Count <= 16);
    }

    [Fact]
    public void Counts_are_exact_while_distinct_terms_fit_the_counters()
    {
        var counter = new TermCounter(capacity: 8, named: 2);
        foreach (var term in new[] { "a", "b", "a", "c", "a", "b" })
        {
            counter.Add(term);
        }

        Assert.Equal([new("a", 3), new("b", 2)], counter.Top(5));
    }

    [Fact]
    public void Counts_written_in_the_old_layout_are_folded_into_the_sketch()
    {
        var old = new LegacyTermCounter { Counts = new() { ["fyp"] = 5, ["dance"] = 2, ["rare"] = 1 }, Capacity = 200 };
        var counter = TestSerialization.Reread<LegacyTermCounter, TermCounter>(old);
        counter.Configure(capacity: 64, named: 10);
        counter.Add("dance");

        Assert.Equal([new("fyp", 5), new("dance", 3), new("rare", 1)], counter.Top(10));
    }
}
