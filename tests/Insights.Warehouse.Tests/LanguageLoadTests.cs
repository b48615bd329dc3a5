namespace Insights.Warehouse.Tests;

/// <summary>The comment's language goes from the processed zone's rows into fact_comment and stg_comments.</summary>
public sealed class LanguageLoadTests
{
    [Fact]
    public async Task Each_comments_language_is_loaded_as_the_lake_row_has_it()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        await using var h = new Harness(work);

        var (result, _) = await h.Warehouse.LoadAsync();

        Assert.Empty(result.Failures);
        var expected = lake.Comments.GroupBy(c => c.Language).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Contains("en", expected.Keys);
        var loaded = await h.Warehouse.QueryAsync("SELECT language, COUNT(*) FROM stg_comments GROUP BY language");
        Assert.Equal(
            expected.OrderBy(p => p.Key, StringComparer.Ordinal),
            loaded.Rows.Select(r => KeyValuePair.Create((string)r[0]!, Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture))).OrderBy(p => p.Key, StringComparer.Ordinal));
        var byId = lake.Comments.ToDictionary(c => c.CommentId, c => c.Language);
        var sample = await h.Warehouse.QueryAsync("SELECT comment_id, language FROM fact_comment ORDER BY comment_id LIMIT 50");
        Assert.All(sample.Rows, r => Assert.Equal(byId[(string)r[0]!], (string)r[1]!));
    }
}
