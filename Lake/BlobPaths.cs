namespace Insights.Lake;

/// <summary>
/// The one check every path goes through before it reaches a backend: relative, '/'-separated segments of letters,
/// digits and <c>-_.=</c>, no empty, '.' or '..' segment. Ids in paths are validated ids, so this never rejects a
/// path Insights builds; it stops any that a bug or an attacker could build.
/// </summary>
public static class BlobPaths
{
    public const int MaxLength = 1024;

    public static string Validate(string path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > MaxLength)
        {
            throw new ArgumentException($"a blob path must be 1 to {MaxLength} characters", nameof(path));
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                throw new ArgumentException($"invalid blob path '{path}': empty, '.' or '..' segment", nameof(path));
            }

            foreach (var c in segment)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '='))
                {
                    throw new ArgumentException($"invalid blob path '{path}': character '{c}' is not allowed", nameof(path));
                }
            }
        }

        return path;
    }

    /// <summary>Validates a prefix for listing: like a path, but may be empty and may end with '/'.</summary>
    public static string ValidatePrefix(string prefix)
    {
        if (prefix.Length == 0)
        {
            return prefix;
        }

        Validate(prefix.EndsWith('/') ? prefix[..^1] : prefix);
        return prefix;
    }
}
