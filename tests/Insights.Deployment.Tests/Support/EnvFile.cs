namespace Insights.Deployment.Tests.Support;

/// <summary>
/// A Kustomize env file (configMapGenerator / secretGenerator <c>envs</c>): <c>KEY=VALUE</c> per line, everything after
/// the first '=' is the value, <c>#</c> starts a comment line.
/// </summary>
public static class EnvFile
{
    public sealed record Entry(string Key, string Value, int Line);

    public static IReadOnlyList<Entry> Parse(string text, string file)
    {
        var entries = new List<Entry>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"{file}:{i + 1}: not KEY=VALUE: {line}");
            }

            entries.Add(new Entry(line[..eq].Trim(), line[(eq + 1)..], i + 1));
        }

        return entries;
    }

    public static IReadOnlyList<Entry> Load(string path) => Parse(File.ReadAllText(path), Repo.Relative(path));

    public static Dictionary<string, string> ToDictionary(IEnumerable<Entry> entries)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            result[e.Key] = e.Value;
        }

        return result;
    }
}
