namespace Insights.Sentiment.Text;

/// <summary>
/// Laughter spelled out in any length: haha, ahahah, hehehe, bwahaha, lololol, jajaja, kkkkk. Fixed forms
/// (lol, lmao, rofl) are lexicon entries; this catches the variants no list can enumerate.
/// </summary>
internal static class Laughter
{
    public static bool IsLaughter(ReadOnlySpan<char> word)
    {
        // Every pattern below starts with one of these letters; most words are rejected here.
        if (word.Length < 4 || word[0] is not ('h' or 'j' or 'a' or 'e' or 'i' or 'b' or 'm' or 'l' or 'k'))
        {
            return false;
        }

        return IsAlternating(word) || IsLolChain(word) || IsKChain(word);
    }

    /// <summary>h or j alternating with a, e or i, at least two syllables, optionally after "bw"/"mw"/"mu".</summary>
    private static bool IsAlternating(ReadOnlySpan<char> word)
    {
        if (word.StartsWith("bw") || word.StartsWith("mw") || word.StartsWith("mu"))
        {
            word = word[2..];
        }

        var consonant = '\0';
        var consonants = 0;
        var previousWasConsonant = false;
        foreach (var c in word)
        {
            if (c is 'h' or 'j')
            {
                if (previousWasConsonant || (consonant != '\0' && c != consonant))
                {
                    return false;
                }

                consonant = c;
                consonants++;
                previousWasConsonant = true;
            }
            else if (c is 'a' or 'e' or 'i')
            {
                previousWasConsonant = false;
            }
            else
            {
                return false;
            }
        }

        return consonants >= 2;
    }

    /// <summary>lolol, lololol.</summary>
    private static bool IsLolChain(ReadOnlySpan<char> word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] != (i % 2 == 0 ? 'l' : 'o'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>kkkk (Brazilian laughter); four or more, since "kkk" means something else entirely.</summary>
    private static bool IsKChain(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c != 'k')
            {
                return false;
            }
        }

        return true;
    }
}
