namespace Insights.Sentiment.Lexicon;

using System.Collections.Frozen;
using Insights.Sentiment.Lexicon.Data;

/// <summary>
/// The immutable lookup tables of the analyzer: words, phrases, emoji and emoticons, in frozen dictionaries that
/// are searched with spans (no string is allocated per lookup). Safe to share between threads.
/// </summary>
internal sealed class SentimentLexicon
{
    private readonly FrozenDictionary<string, LexiconEntry> words;
    private readonly FrozenDictionary<string, LexiconEntry>.AlternateLookup<ReadOnlySpan<char>> wordLookup;
    private readonly FrozenDictionary<string, LexiconEntry>.AlternateLookup<ReadOnlySpan<char>> phraseLookup;
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
        this.words = words.ToFrozenDictionary(StringComparer.Ordinal);
        wordLookup = this.words.GetAlternateLookup<ReadOnlySpan<char>>();
        phraseLookup = phrases.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
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

    public bool TryGetWord(ReadOnlySpan<char> word, out LexiconEntry entry) =>
        wordLookup.TryGetValue(word, out entry);

    public bool TryGetPhrase(ReadOnlySpan<char> phrase, out LexiconEntry entry) =>
        phraseLookup.TryGetValue(phrase, out entry);

    public bool TryGetEmoji(int codePoint, out LexiconEntry entry) => emoji.TryGetValue(codePoint, out entry);

    public bool MayStartEmoticon(char first, char second) =>
        first < 128 && second < 128 && emoticonPrefixes[(first * 128) + second];

    public bool TryGetEmoticon(ReadOnlySpan<char> candidate, out LexiconEntry entry) =>
        emoticonLookup.TryGetValue(candidate, out entry);
}
