namespace Insights.Sentiment.Text;

/// <summary>Letters stretched for emphasis: "sooo goood", "loooove", "yesss".</summary>
internal static class Elongation
{
    /// <summary>Whether some letter repeats three or more times in a row (no English word does that).</summary>
    public static bool IsElongated(ReadOnlySpan<char> word)
    {
        for (var i = 2; i < word.Length; i++)
        {
            if (word[i] == word[i - 1] && word[i] == word[i - 2] && !CharClass.IsDigit(word[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Shortens every run of three or more equal letters to <paramref name="keep"/> letters ("goooood" → "good"
    /// with 2, "sooo" → "so" with 1); shorter runs stay. Returns the length written to <paramref name="destination"/>.
    /// </summary>
    public static int Collapse(ReadOnlySpan<char> word, Span<char> destination, int keep)
    {
        var written = 0;
        var i = 0;
        while (i < word.Length)
        {
            var c = word[i];
            var run = 1;
            while (i + run < word.Length && word[i + run] == c)
            {
                run++;
            }

            var copy = run >= 3 && !CharClass.IsDigit(c) ? keep : run;
            for (var k = 0; k < copy; k++)
            {
                destination[written++] = c;
            }

            i += run;
        }

        return written;
    }
}
