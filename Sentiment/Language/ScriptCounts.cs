namespace Insights.Sentiment.Language;

using System.Runtime.CompilerServices;

/// <summary>How many letters of a text are of each script the identifier tells apart.</summary>
public struct ScriptCounts
{
    public int Latin;
    public int Arabic;
    public int Devanagari;

    /// <summary>Letters of every other script together (Cyrillic, CJK, Hangul, Thai, Greek, Hebrew...).</summary>
    public int OtherScripts;

    /// <summary>Of the Arabic letters, those only Persian and Urdu write (<see cref="ScriptOf.IsPersianOrUrduLetter"/>).</summary>
    public int PersianOrUrdu;

    /// <summary>Of the Latin letters, those only languages the model does not know write (<see cref="ScriptOf.IsForeignLatinLetter"/>).</summary>
    public int ForeignLatin;

    public readonly int Letters => Latin + Arabic + Devanagari + OtherScripts;

    /// <summary>The script most letters are in; <see cref="Script.None"/> without letters.</summary>
    public readonly Script Dominant
    {
        get
        {
            if (Letters == 0)
            {
                return Script.None;
            }

            var best = Math.Max(Math.Max(Latin, Arabic), Math.Max(Devanagari, OtherScripts));
            return best == Latin ? Script.Latin
                : best == Arabic ? Script.Arabic
                : best == Devanagari ? Script.Devanagari
                : Script.OtherLetters;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(Script script, char c)
    {
        switch (script)
        {
            case Script.None:
                break;
            case Script.Latin:
                Latin++;
                if (c >= '\u00C0' && ScriptOf.IsForeignLatinLetter(c))
                {
                    ForeignLatin++;
                }

                break;
            case Script.Arabic:
                Arabic++;
                if (ScriptOf.IsPersianOrUrduLetter(c))
                {
                    PersianOrUrdu++;
                }

                break;
            case Script.Devanagari:
                Devanagari++;
                break;
            default:
                OtherScripts++;
                break;
        }
    }
}
