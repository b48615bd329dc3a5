namespace Insights.Topics.Text;

/// <summary>
/// English plurals folded to their singular by suffix ("emails" is "email", "deliveries" "delivery", "boxes" "box"),
/// so one comment's "refund" and another's "refunds" meet in one topic. Suffix rules, not a dictionary: a rare word
/// comes out odd ("series" as "sery"), which costs a topic nothing as long as every comment folds it the same way.
/// </summary>
public static class EnglishPlurals
{
    private static readonly string[] KeptEndings = ["ss", "us", "is", "ous"];

    private static readonly string[] EsEndings = ["sses", "shes", "ches", "xes", "zzes"];

    public static string Singular(string word)
    {
        if (word.Length <= 3 || !word.EndsWith('s') || KeptEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal)))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        return EsEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal)) ? word[..^2] : word[..^1];
    }
}
