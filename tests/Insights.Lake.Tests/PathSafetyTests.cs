namespace Insights.Lake.Tests;

using Insights.Lake.Local;
using Insights.Silo.Storage;

/// <summary>
/// Whatever an id holds ('../', '\', '%2F', '/', NUL, a drive, a UNC prefix...), no lake path or grain state name
/// built from it can point outside its zone or state folder: lake paths are refused by <see cref="BlobPaths"/> or
/// stay inside, and grain state names are escaped into one segment with no separator and no dot.
/// </summary>
public sealed class PathSafetyTests : IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "insights-paths-" + Guid.NewGuid().ToString("N"));
    private readonly string _root;

    public PathSafetyTests()
    {
        _root = Path.Combine(_parent, "zone");
        Directory.CreateDirectory(_root);
    }

    private static readonly string[] Ids =
    [
        "../x", "../../../etc/passwd", "..\\..\\windows\\win.ini", "%2F", "..%2F..%2Fx", "%2e%2e%2f", "/", "/etc/passwd", "\\", "\\\\server\\share",
        "a\0b", "\0", "..", ".", " ", "a/../../b", "C:\\x", "C:", "~", "é", "a\nb", "=002F", "%002F", "x/", new string('a', 2000),
    ];

    public static TheoryData<string> HostileIds() => new(Ids);

    [Theory]
    [MemberData(nameof(HostileIds))]
    public void A_lake_path_holding_the_id_is_refused_or_stays_in_its_zone(string id)
    {
        foreach (var path in new[] { id, $"comments/{id}", $"comments/date=2026-11-24/{id}.parquet", $"{id}/part-1.jsonl.gz", $"{id}/" })
        {
            string validated;
            try
            {
                validated = BlobPaths.Validate(path);
            }
            catch (ArgumentException)
            {
                continue;
            }

            Assert.StartsWith(_root + Path.DirectorySeparatorChar, Path.GetFullPath(Path.Combine(_root, validated)));
            Assert.DoesNotContain(validated.Split('/'), s => s is "" or "." or "..");
        }
    }

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task The_local_zone_refuses_the_id_and_nothing_lands_outside_it(string id)
    {
        var zone = new LocalFolderBlobStore(_root);
        foreach (var path in new[] { id, $"comments/{id}", $"nested/{id}/x.parquet" })
        {
            try
            {
                await zone.WriteAsync(path, "x"u8.ToArray());
            }
            catch (ArgumentException)
            {
                // Refused before any file was touched: what BlobPaths is for.
            }
        }

        Assert.Equal([_root], Directory.GetFileSystemEntries(_parent));
        Assert.All(Directory.GetFiles(_root, "*", SearchOption.AllDirectories),
            f => Assert.StartsWith(_root + Path.DirectorySeparatorChar, Path.GetFullPath(f)));
    }

    [Theory]
    [MemberData(nameof(HostileIds))]
    public void A_grain_state_name_is_one_safe_segment(string id)
    {
        var name = GrainStateKeys.Escape(id, GrainStateKeys.FileEscape);
        Assert.Matches("^[A-Za-z0-9_%-]+$", name);
        Assert.Equal(_root, Path.GetDirectoryName(Path.GetFullPath(Path.Combine(_root, name + ".state"))));
    }

    [Fact]
    public void Distinct_ids_never_share_a_state_name()
    {
        var ids = Ids.Concat(["a/b", "a%002Fb", "a=002Fb", "a_002Fb", "a002Fb", ""]).Distinct().ToList();
        Assert.Equal(ids.Count, ids.Select(id => GrainStateKeys.Escape(id, GrainStateKeys.FileEscape)).Distinct().Count());
    }

    public void Dispose()
    {
        if (Directory.Exists(_parent))
        {
            Directory.Delete(_parent, recursive: true);
        }
    }
}
