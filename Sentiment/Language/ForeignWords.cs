namespace Insights.Sentiment.Language;

using System.Collections.Frozen;

/// <summary>
/// Common words of Latin-script languages the model does not know that are not words of those it knows: Dutch and
/// Indonesian in particular share enough n-grams with German and romanised Hindi that the n-gram model cannot tell
/// them apart. Words that are also common in a known language are left out (Dutch "dit" is French, Swedish "har" is
/// romanised Hindi, Polish "nie" is German, Romanian "care" is Italian).
/// </summary>
public static class ForeignWords
{
    public static readonly FrozenDictionary<string, string[]> ByLanguage = new Dictionary<string, string[]>
    {
        ["nl"] = ["het", "een", "niet", "ik", "hij", "zij", "wij", "jullie", "zijn", "ook", "maar", "naar", "heb", "hebt", "heeft", "waar", "mooi", "leuk", "leuke", "veel", "geen", "kijk", "zo", "deze", "nooit", "ooit", "bedankt", "weet", "goed", "slecht", "jij", "jou", "mijn", "gewoon"],
        ["sv"] = ["och", "jag", "inte", "att", "det", "vad", "heter", "tycker", "mycket", "också", "eller", "där", "här", "hej", "vilken", "blev", "så"],
        ["id"] = ["yang", "ini", "itu", "aku", "kamu", "tidak", "banget", "sekali", "tapi", "juga", "sudah", "saya", "gak", "nggak", "bagus", "cantik", "lucu", "sampai", "dimana", "deh", "dong", "suka"],
        ["tr"] = ["bir", "bu", "çok", "için", "ama", "gibi", "değil", "güzel"],
        ["pl"] = ["jest", "się", "jak", "ale", "czy", "bardzo", "dzięki", "gdzie"],
        ["ro"] = ["foarte", "pentru", "frumos", "mulțumesc", "unde", "asta"],
        ["cs"] = ["jsem", "velmi", "moc", "opravdu", "tohle", "děkuji", "kde"],
    }.ToFrozenDictionary();

    private static readonly FrozenSet<uint> Hashes = ByLanguage.Values.SelectMany(words => words).Select(CharNGrams.WordHash).ToFrozenSet();

    /// <summary>How many of the words (as <see cref="CharNGrams"/> hashes them) are common words of an unknown language.</summary>
    public static int Count(ReadOnlySpan<uint> words)
    {
        var count = 0;
        foreach (var word in words)
        {
            if (Hashes.Contains(word))
            {
                count++;
            }
        }

        return count;
    }
}
