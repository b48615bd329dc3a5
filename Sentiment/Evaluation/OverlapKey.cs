namespace Insights.Sentiment.Evaluation;

using System.Text;

/// <summary>
/// The form in which two texts count as the same item, after the shared README's overlap steps: lower case, user
/// names and links dropped, only letters and digits kept. Used to leave validation items that also occur in
/// training out of validation figures.
/// </summary>
public static class OverlapKey
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = new StringBuilder(text.Length);
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Contains('@', StringComparison.Ordinal) || token.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var c in token)
            {
                if (char.IsLetterOrDigit(c))
                {
                    key.Append(char.ToLowerInvariant(c));
                }
            }
        }

        return key.ToString();
    }
}
