namespace Insights.Sentiment.Lexicon;

using System.Collections.Frozen;
using Insights.Sentiment.Lexicon.Data;

/// <summary>
/// The immutable lookup tables of the analyzer: words and phrases in <see cref="WordTable"/>s (looked up for every
/// word read), emoji and emoticons in frozen dictionaries; all searched with spans (no string is allocated per
/// lookup). Safe to share between threads.
/// </summary>
internal sealed class SentimentLexicon
{
    private readonly WordTable words;
    private readonly WordTable phrases;
    private readonly WordTable phrasePrefixes;
    private readonly FrozenDictionary<int, LexiconEntry> emoji;
    private readonly FrozenDictionary<string, LexiconEntry>.AlternateLookup<ReadOnlySpan<char>> emoticonLookup;

    /// <summary>For each pair of ASCII characters, whether some emoticon starts with it (a cheap pre-check).</summary>
    private readonly bool[] emoticonPrefixes = new bool[128 * 128];

    public SentimentLexicon(
        IReadOnlyDictionary<string, LexiconEntry> words,
        IReadOnlyDictionary<string, LexiconEntry> phrases,
        IReadOnlyDictionary<int, LexiconEntry> emoji,
        IReadOnlyDictionary<string, LexiconEntry> emoticons,
        int maxPhraseWords)
    {
        this.words = new WordTable(words);
        this.phrases = new WordTable(phrases);
        phrasePrefixes = new WordTable(phrases.Keys
            .SelectMany(p => p.Select((c, i) => c == ' ' ? p[..i] : null).Append(p))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p, LexiconEntry.Unknown)));
        this.emoji = emoji.ToFrozenDictionary();
        emoticonLookup = emoticons.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        MaxPhraseWords = maxPhraseWords;
        MaxWordLength = words.Keys.Max(k => k.Length);
        MaxPhraseLength = phrases.Count == 0 ? 0 : phrases.Keys.Max(k => k.Length);
        MaxEmoticonLength = emoticons.Keys.Max(k => k.Length);
        foreach (var key in emoticons.Keys)
        {
            emoticonPrefixes[(key[0] * 128) + key[1]] = true;
        }
    }

    /// <summary>The lexicon of the data files in <see cref="Data"/>; built once.</summary>
    public static SentimentLexicon Default { get; } = new LexiconBuilder()
        .AddWords(PositiveWords.Data)
        .AddWords(NegativeWords.Data)
        .AddWords(SlangWords.Data)
        .AddWords(Phrases.Data)
        .AddWords(ModifierWords.Data)
        .AddWords(FunctionWords.Data)
        .AddWords(FunctionWords.ForeignData)
        .AddEmoji(EmojiValences.Data)
        .AddEmoticons(Emoticons.Data)
        .Build();

    public int MaxPhraseWords { get; }

    public int MaxWordLength { get; }

    public int MaxPhraseLength { get; }

    public int MaxEmoticonLength { get; }

    public int WordCount => words.Count;

    /// <summary>The entry of the word exactly as listed.</summary>
    public bool TryGetWord(ReadOnlySpan<char> word, out LexiconEntry entry) =>
        words.TryGetValue(word, out entry);

    public bool TryGetPhrase(ReadOnlySpan<char> phrase, out LexiconEntry entry) =>
        phrases.TryGetValue(phrase, out entry);

    /// <summary>Whether some phrase starts with these whole words (or is them): a longer match is still possible.</summary>
    public bool IsPhrasePrefix(ReadOnlySpan<char> words) => phrasePrefixes.ContainsKey(words);

    public bool TryGetEmoji(int codePoint, out LexiconEntry entry) => emoji.TryGetValue(codePoint, out entry);

    public bool MayStartEmoticon(char first, char second) =>
        first < 128 && second < 128 && emoticonPrefixes[(first * 128) + second];

    public bool TryGetEmoticon(ReadOnlySpan<char> candidate, out LexiconEntry entry) =>
        emoticonLookup.TryGetValue(candidate, out entry);
}
