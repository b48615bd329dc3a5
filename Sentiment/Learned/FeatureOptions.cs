namespace Insights.Sentiment.Learned;

/// <summary>
/// What the n-gram features of a <see cref="LinearModel"/> are: the size of the hashed table and which word and
/// character n-grams are hashed into it. Stored in the model file, so a model is always scored with the features
/// it was trained on.
/// </summary>
/// <param name="HashBits">The table has 2^HashBits buckets (word and character n-grams share it).</param>
/// <param name="CharMin">Shortest character n-gram (0 with <paramref name="CharMax"/> 0: none).</param>
/// <param name="CharMax">Longest character n-gram (at most <see cref="MaxCharNgram"/>; 0: no character n-grams).</param>
/// <param name="WordNgrams">1: words only; 2: words and pairs of adjacent words.</param>
/// <param name="PrefixLength">Words longer than this also count by their first PrefixLength characters, a cheap stem
/// ("odio", "odioso", "odiamos" share "odi" for 3); 0: none.</param>
public sealed record FeatureOptions(int HashBits, int CharMin, int CharMax, int WordNgrams, int PrefixLength)
{
    public const int MaxCharNgram = 8;

    /// <summary>The features of the committed model.</summary>
    public static FeatureOptions Default { get; } = new(18, 0, 0, 2, 5);

    public int Buckets => 1 << HashBits;

    /// <summary>Throws when the options cannot describe a table or an extraction.</summary>
    public void Validate()
    {
        if (HashBits is < 8 or > 24)
        {
            throw new InvalidDataException($"HashBits {HashBits} is not between 8 and 24.");
        }

        if (!(CharMin == 0 && CharMax == 0) && (CharMin < 1 || CharMax < CharMin || CharMax > MaxCharNgram))
        {
            throw new InvalidDataException($"Character n-grams {CharMin}..{CharMax} are not within 1..{MaxCharNgram}.");
        }

        if (PrefixLength is < 0 or > 16)
        {
            throw new InvalidDataException($"PrefixLength {PrefixLength} is not between 0 and 16.");
        }

        if (WordNgrams is < 1 or > 2)
        {
            throw new InvalidDataException($"WordNgrams {WordNgrams} is not 1 or 2.");
        }
    }
}
