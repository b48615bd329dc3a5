namespace Insights.Sentiment.Lexicon;

using System.Text;

/// <summary>
/// Collects the entries of the data files, merges the roles of a word that appears in several of them, and
/// rejects authoring mistakes (a word given two valences, upper case, hyphens) so that they fail at start-up
/// and in the tests rather than scoring silently wrong.
/// </summary>
internal sealed class LexiconBuilder
{
    private readonly Dictionary<string, LexiconEntry> words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LexiconEntry> phrases = new(StringComparer.Ordinal);
    private readonly Dictionary<int, LexiconEntry> emoji = [];
    private readonly Dictionary<string, LexiconEntry> emoticons = new(StringComparer.Ordinal);

    /// <summary>Adds words and phrases (items with a space). Foreign words never override English ones.</summary>
    public LexiconBuilder AddWords(string data)
    {
        foreach (var (key, entry) in LexiconParser.Parse(data))
        {
            if (key.Any(char.IsUpper) || key.Contains('-') || key.Contains('’') || key.Contains("  "))
            {
                throw new FormatException($"Lexicon key '{key}' must be lower case, with ' as apostrophe and no hyphen.");
            }

            var target = key.Contains(' ') ? phrases : words;
            if (entry.Has(WordRoles.ForeignWord))
            {
                target.TryAdd(key, entry);
                continue;
            }

            Merge(target, key, entry);
        }

        return this;
    }

    /// <summary>Adds emoji; each item must be one code point once variation selectors and skin tones are removed.</summary>
    public LexiconBuilder AddEmoji(string data)
    {
        foreach (var (key, entry) in LexiconParser.Parse(data, underscoreIsSpace: false))
        {
            var runes = key.EnumerateRunes().Where(r => !EmojiText.IsModifier(r.Value)).ToList();
            if (runes.Count != 1 || !EmojiText.IsEmojiLike(runes[0].Value))
            {
                throw new FormatException($"Emoji lexicon item '{key}' is not a single emoji code point.");
            }

            if (!emoji.TryAdd(runes[0].Value, entry))
            {
                throw new FormatException($"Emoji '{key}' is listed twice.");
            }
        }

        return this;
    }

    /// <summary>Adds ASCII emoticons; they are matched case-sensitively.</summary>
    public LexiconBuilder AddEmoticons(string data)
    {
        foreach (var (key, entry) in LexiconParser.Parse(data, underscoreIsSpace: false))
        {
            if (key.Length < 2 || !Ascii.IsValid(key) || !emoticons.TryAdd(key, entry))
            {
                throw new FormatException($"Emoticon '{key}' is not 2+ ASCII characters or is listed twice.");
            }
        }

        return this;
    }

    public SentimentLexicon Build()
    {
        AddApostropheFreeVariants(words);
        AddApostropheFreeVariants(phrases);

        var maxPhraseWords = 0;
        foreach (var phrase in phrases.Keys)
        {
            var parts = phrase.Split(' ');
            maxPhraseWords = Math.Max(maxPhraseWords, parts.Length);
            var first = words.GetValueOrDefault(parts[0], LexiconEntry.Unknown);
            words[parts[0]] = first with { Roles = first.Roles | WordRoles.PhraseStart };
        }

        return new SentimentLexicon(words, phrases, emoji, emoticons, maxPhraseWords);
    }

    private static void Merge(Dictionary<string, LexiconEntry> target, string key, LexiconEntry entry)
    {
        if (!target.TryGetValue(key, out var old) || old.Roles == WordRoles.ForeignWord)
        {
            target[key] = entry;
            return;
        }

        if ((old.Valence != 0f && entry.Valence != 0f) || (old.Factor != 1f && entry.Factor != 1f)
            || (old.Rule != ContextRule.None && entry.Rule != ContextRule.None))
        {
            throw new FormatException($"Lexicon key '{key}' is defined twice.");
        }

        target[key] = new LexiconEntry(
            old.Valence != 0f ? old.Valence : entry.Valence,
            old.Factor != 1f ? old.Factor : entry.Factor,
            old.Roles | entry.Roles,
            old.Rule != ContextRule.None ? old.Rule : entry.Rule);
    }

    /// <summary>People often drop the apostrophe: "dont", "cant wait". Explicit entries win over the variants.</summary>
    private static void AddApostropheFreeVariants(Dictionary<string, LexiconEntry> target)
    {
        foreach (var (key, entry) in target.ToList())
        {
            if (key.Contains('\''))
            {
                target.TryAdd(key.Replace("'", string.Empty, StringComparison.Ordinal), entry);
            }
        }
    }
}
