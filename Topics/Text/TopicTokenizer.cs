namespace Insights.Topics.Text;

using System.Globalization;
using System.Text;
using Insights.Sentiment.Lexicon;

/// <summary>
/// Turns a comment into the words a topic can be made of: lower case; URLs, @mentions, emoji, symbols and numbers
/// dropped; a hashtag kept as its word; letters repeated for emphasis collapsed ("soooo" is "so"); stop words of the
/// comment's language, opinion words (<see cref="OpinionWords"/>: a topic's sentiment is measured apart) and one-letter
/// words dropped; English plurals folded (<see cref="EnglishPlurals"/>). Letters of any script count, so Hindi or
/// Arabic comments keep their words.
/// </summary>
public static class TopicTokenizer
{
    public static List<string> Tokenize(string text, string language)
    {
        var stop = StopWords.For(language);
        var english = language == "en";
        var tokens = new List<string>();
        var word = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (StartsUrl(text, i))
            {
                Emit(word, tokens, stop, english);
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                continue;
            }

            var c = text[i];
            if (IsWordChar(text, i))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c == '\'' || c == '’')
            {
                // Inside a word ("don't") the apostrophe stays, so the stop word lists match; elsewhere it splits.
                if (word.Length > 0 && i + 1 < text.Length && IsWordChar(text, i + 1))
                {
                    word.Append('\'');
                }
                else
                {
                    Emit(word, tokens, stop, english);
                }
            }
            else if (c == '@')
            {
                // A mention names someone, not a topic: the whole handle ("@sam_kelly.99") is skipped.
                Emit(word, tokens, stop, english);
                i++;
                while (i < text.Length && (IsWordChar(text, i) || text[i] is '_' or '.'))
                {
                    i++;
                }

                continue;
            }
            else
            {
                Emit(word, tokens, stop, english);
            }

            i++;
        }

        Emit(word, tokens, stop, english);
        return tokens;
    }

    private static bool IsWordChar(string text, int i)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
        return category is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.DecimalDigitNumber
            // Devanagari and Arabic vowel signs are marks inside words.
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static bool StartsUrl(string text, int i) =>
        (i == 0 || char.IsWhiteSpace(text[i - 1]))
        && (Starts(text, i, "http://") || Starts(text, i, "https://") || Starts(text, i, "www."));

    private static bool Starts(string text, int i, string prefix) =>
        string.Compare(text, i, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static void Emit(StringBuilder word, List<string> tokens, IReadOnlySet<string> stop, bool english)
    {
        if (word.Length == 0)
        {
            return;
        }

        var token = CollapseRepeats(word);
        word.Clear();
        if (token.Length < 2 || !token.Any(char.IsLetter) || stop.Contains(token))
        {
            return;
        }

        token = token.Replace("'", "", StringComparison.Ordinal);
        if (english)
        {
            token = EnglishPlurals.Singular(token);
        }

        if (token.Length >= 2 && !stop.Contains(token) && !OpinionWords.Contains(token))
        {
            tokens.Add(token);
        }
    }

    /// <summary>Three or more of one letter in a row become one: emphasis, not spelling ("sooo good", "lmaooo").</summary>
    private static string CollapseRepeats(StringBuilder word)
    {
        var sb = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var run = 1;
            while (i + run < word.Length && word[i + run] == word[i])
            {
                run++;
            }

            sb.Append(word[i], run >= 3 ? 1 : run);
            i += run - 1;
        }

        return sb.ToString();
    }
}
