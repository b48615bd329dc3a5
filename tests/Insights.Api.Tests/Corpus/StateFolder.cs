namespace Insights.Api.Tests.Corpus;

using System.Text.RegularExpressions;
using Insights.Lake;

/// <summary>
/// The fixture's folder after the corpus: grain state files only as <c>{state}/{type}/{key}.state</c> with escaped,
/// separator-free names, lake and warehouse files only under valid lake paths, and nothing at all where a hostile
/// key taken literally would have put a file.
/// </summary>
internal static partial class StateFolder
{
    public static List<string> Problems(string root, IReadOnlyList<string> hostileKeys, string tag)
    {
        var problems = new List<string>();
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();
        foreach (var file in files)
        {
            if (file.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(file))
            {
                problems.Add($"{file} is outside {root}");
            }
            else if (file.EndsWith(".state", StringComparison.Ordinal) || file.EndsWith(".tmp", StringComparison.Ordinal))
            {
                if (!StateFile().IsMatch(file))
                {
                    problems.Add($"grain state file with an unsafe name: {file}");
                }
            }
            else if (!IsLakePath(file))
            {
                problems.Add($"unexpected file name: {file}");
            }
        }

        var escaped = files.Count(f => f.Contains($"corpus-escape-{tag}", StringComparison.Ordinal) && f.EndsWith(".state", StringComparison.Ordinal));
        if (escaped != hostileKeys.Count)
        {
            problems.Add($"{escaped} state files for the {hostileKeys.Count} hostile keys (each must be stored, escaped, inside {root})");
        }

        foreach (var key in hostileKeys)
        {
            // Where a storage that used the key as a file name would have written (appended, or combined as a path).
            var folder = Path.Combine(root, "video", "video");
            var name = key.Replace("\0", "", StringComparison.Ordinal) + ".state";
            foreach (var literal in new[] { Path.GetFullPath(folder + Path.DirectorySeparatorChar + name), Path.GetFullPath(Path.Combine(folder, name)) })
            {
                if (!literal.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(literal))
                {
                    problems.Add($"a file exists outside the state folder at {literal}");
                }
            }
        }

        var parent = Path.GetDirectoryName(root)!;
        problems.AddRange(Directory.EnumerateFileSystemEntries(parent, $"*corpus-escape-{tag}*").Select(e => $"{e} was created next to the state folder"));
        return problems;
    }

    private static bool IsLakePath(string file)
    {
        try
        {
            BlobPaths.Validate(file);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Three escaped segments (FileGrainStorage escapes all but letters, digits, '-' and '_' as %XXXX), or its temporary twin.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_%-]+/[A-Za-z0-9_%-]+/[A-Za-z0-9_%-]+\.state(\.[0-9a-f]{32}\.tmp)?$")]
    private static partial Regex StateFile();
}
