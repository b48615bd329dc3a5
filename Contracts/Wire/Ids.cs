namespace Insights.Wire;

/// <summary>
/// The one rule for ids. Ids end up in stream keys, blob paths and SQL, so only a safe alphabet passes.
/// </summary>
public static class Ids
{
    public const int MaxLength = 64;

    public const string Rule = "must be 1 to 64 characters of letters, digits, '_' or '-'";

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
