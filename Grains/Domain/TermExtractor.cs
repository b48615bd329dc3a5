namespace Insights.Grains.Domain;

using System.Collections.Frozen;

/// <summary>
/// Splits comment text into lower-case terms (words of 3+ letters that are not stop words) and hashtags, without
/// allocating for the terms themselves.
/// </summary>
public static class TermExtractor
{
    private const int MaxTermLength = 40;

    private static readonly FrozenSet<string> StopWords = new[]
    {
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our",
        "out", "day", "get", "has", "him", "his", "how", "man", "new", "now", "old", "see", "two", "way", "who",
        "boy", "did", "its", "let", "put", "say", "she", "too", "use", "that", "with", "have", "this", "will",
        "your", "from", "they", "know", "want", "been", "good", "much", "some", "time", "very", "when", "come",
        "here", "just", "like", "long", "make", "many", "more", "only", "over", "such", "take", "than", "them",
        "well", "were", "what", "where", "which", "while", "would", "there", "their", "about", "could", "these",
        "those", "then", "into", "also", "because", "dont", "don", "im", "it's", "i'm", "thats", "yall", "gonna",
        "really", "even", "being", "does", "doing", "should", "after", "before", "again", "still", "ever",
    }.ToFrozenSet(StringComparer.Ordinal);

    public delegate void TermSink(ReadOnlySpan<char> term, bool isHashtag);

    /// <summary>What receives the terms: an object the caller has anyway, so extracting allocates no delegate.</summary>
    public interface ITermSink
    {
        void Add(ReadOnlySpan<char> term, bool isHashtag);
    }

    public static void Extract(string text, TermSink sink) => Extract(text, new DelegateSink(sink));

    public static void Extract<TSink>(string text, TSink sink)
        where TSink : ITermSink
    {
        Span<char> buffer = stackalloc char[MaxTermLength];
        var lookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < text.Length)
        {
            var hashtag = text[i] == '#';
            var start = hashtag ? i + 1 : i;
            var end = start;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            var length = end - start;
            if (length == 0)
            {
                i = Math.Max(end, i + 1);
                continue;
            }

            if (length <= MaxTermLength)
            {
                var term = buffer[..length];
                var letters = 0;
                for (var k = 0; k < length; k++)
                {
                    var c = char.ToLowerInvariant(text[start + k]);
                    term[k] = c;
                    if (char.IsLetter(c))
                    {
                        letters++;
                    }
                }

                if (hashtag)
                {
                    sink.Add(term, true);
                }
                else if (letters >= 3 && !lookup.Contains(term))
                {
                    sink.Add(term, false);
                }
            }

            i = end;
        }
    }

    private readonly struct DelegateSink(TermSink sink) : ITermSink
    {
        public void Add(ReadOnlySpan<char> term, bool isHashtag) => sink(term, isHashtag);
    }
}
