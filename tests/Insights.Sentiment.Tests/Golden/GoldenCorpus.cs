namespace Insights.Sentiment.Tests.Golden;

using System.Text;
using Insights.Generator;
using Insights.Sentiment.Lexicon;
using Insights.Sentiment.Lexicon.Data;

/// <summary>
/// The texts of the generated golden file, built deterministically: hand-picked edge cases, the Generator's comments,
/// every lexicon entry in a rule-exercising context, random compositions of lexicon items with the text features the
/// tokenizer handles, and character-level noise. Only used to (re)write the golden file, which stores the texts, so
/// the check does not depend on the Generator or this class staying the same.
/// </summary>
internal static class GoldenCorpus
{
    private const int Seed = 1717;

    /// <summary>Contexts for one lexicon item <c>{0}</c>: negation, boosters, contrast, questions, capitals, names...</summary>
    private static readonly string[] WordTemplates =
    [
        "{0}", "this is {0}", "not {0}", "so {0}!!", "never {0} tbh", "{0} af", "she {0}", "i {0} it", "the {0} one",
        "{0}, but the ending was bad", "is it {0}?", "Watching Star {0} Wars", "{0} {0} {0}", "kinda {0} lol", "{0} fr 😭",
        "really really {0}", "i don't think it's {0}", "if it was {0} i would", "{0} though", "although {0}, i loved it",
        "THIS IS {0}", "a {0} day", "im {0}", "{0} at all", "no {0}", "pretty {0}", "{0} 🔥", "{0}...", "{0}!?", "(#{0})",
    ];

    private static readonly string[] InflectionSuffixes =
        ["s", "es", "ed", "ing", "in", "er", "est", "ly", "ily", "ies", "ied", "iness", "ness", "'s", "n't", "e", "ee"];

    private static readonly string[] Connectors =
        [" ", " ", " ", " ", ", ", ". ", "! ", "? ", "... ", " - ", " — ", "\n", " (", ") ", "; ", ": ", "!!! ", "?! ", "\t"];

    private static readonly string[] Extras =
    [
        "@user", "@someone_123", "http://url_removed", "https://t.co/abc", "www.example.com", "#fyp", "#love", "10/10",
        "7/10", "3/10", "10/10/2024", "&amp;", "&lt;3", "&#39;", "&quot;", "won\\u2019t", "it\\u2019s", "f***", "sh*t",
        "b*tch", "hahahaha", "lololol", "kkkkk", "bwahaha", "jajaja", "sooo", "goooood", "loooove", "yesss", "NOOOO",
        "U.S.A", "3.5", "10:30", "f(x)", "👍🏽", "❤️", "👨‍👩‍👧", "🏳️‍🌈", "1️⃣", "💀💀", "😂😂😂", "‼", "⁉", "？", "！", "。", "…",
        "𝐠𝐨𝐨𝐝", "𝓁𝑜𝓋𝑒", "ｇｏｏｄ", "ｌｏｖｅ", "café", "cafe\u0301", "naïve", "don’t", "don`t", "it´s", "'quoted'", "W", "L",
        "GOAT", "the goat", "George W. Bush", "Bad Blood", "Star Wars", "im dead", "ate", "fire", "based on", "like",
        "well", "mid", "pretty", "mad", "damn", "x", "", "   ",
    ];

    private static readonly string[] OtherScripts =
    [
        "これは本当に素晴らしい", "Это ужасно", "Это очень хорошо", "هذا رائع جدا", "यह बहुत अच्छा है", "这个视频太棒了", "정말 좋아요",
        "Αυτό είναι υπέροχο", "זה נהדר", "ये बहुत बढ़िया है yaar", "me encanta este video, es muy bueno",
        "das ist nicht gut aber der Film war schön", "c'est vraiment nul", "questo è bellissimo", "isso é muito bom",
        "el video es de la casa y la comida", "der die das und ist nicht mit dem",
    ];

    private static readonly string[] Edges =
    [
        "", " ", "   ", "\t", "\n", "\r\n", "\u00A0", "\u2003", ".", "!", "?", "!!!", "???", "?!?!", "...", "…", ",", "-", "a",
        "I", "ok", "OK", "Ok", "lol", "LOL", "meh", "😍", "🤮", "😂", "💀", ":)", ":(", "<3", "</3", "xD", "10/10", "0/10",
        "11/10", "100/10", "5/10", "#", "@", "&", "\\", "\\u", "\\u12", "\\uZZZZ", "&#0;", "&#x41;", "&#65;", "&bogus;",
        "&amp", "\uD83D", "\uDE00", "a\uD83Db", "\uFE0F", "\u200D", "\U0001F3FB", "\u0301", "e\u0301", "ｈｅｌｌｏ", "１０/１０",
        "This is GOOD", "this is good", "THIS IS GOOD", "This Is Good", "Not Bad At All", "not bad at all", "NOT BAD",
        "i can't wait!!!", "I CANT WAIT", "cant even", "no cap this is fire fr", "fire alarm went off", "this is fire",
        "she ate", "i ate pizza", "ate that", "im dead 💀", "he is dead", "dead", "i really like it", "like, what?",
        "i would like a refund", "huge W", "took the L", "W rizz", "the goat", "goat cheese", "GOAT", "went well",
        "well, ok", "so well", "pretty good", "pretty", "mad good", "mad", "damn good", "damn", "based", "based on facts",
        "the song is great but the video is terrible", "good though.", "although it was long, I loved it",
        "I loved it, although it was long", "if anyone is interested", "cute af", "not good at all", "not a fan",
        "hate hate hate hate hate hate hate hate hate hate", "love love love love love love love love love love",
        "fun, fun, fun", "😂😂😂😂😂", "🔥🔥🔥", "NOOOO", "no!", "never!", "no", "nope", "f*** this", "sh*t happens",
        "https://example.com is good", "www.good.com", "@good_user great", "#blessed #love", "#",
        new string('a', 300), new string('!', 300), string.Concat(Enumerable.Repeat("good ", 80)),
        string.Concat(Enumerable.Repeat("ha", 40)), string.Concat(Enumerable.Repeat("😍", 200)),
        "superlongwordthatgoesonandonandonwithoutendandiswaytoolongforthelexicon",
        "hahahahahahahahahahahahahahahahahahahahahahahahahahahahahahaha",
    ];

    public static IReadOnlyList<string> Build()
    {
        var random = new Random(Seed);
        var texts = new List<string>();
        texts.AddRange(Edges);
        texts.AddRange(OtherScripts);
        texts.AddRange(GeneratorComments());

        var words = Items(PositiveWords.Data, NegativeWords.Data, SlangWords.Data, ModifierWords.Data, FunctionWords.Data, FunctionWords.ForeignData);
        var phrases = Items(Phrases.Data);
        var emoji = LexiconParser.Parse(EmojiValences.Data, underscoreIsSpace: false).Select(p => p.Key).ToArray();
        var emoticons = LexiconParser.Parse(Emoticons.Data, underscoreIsSpace: false).Select(p => p.Key).ToArray();

        foreach (var item in words.Concat(phrases).Concat(emoji).Concat(emoticons))
        {
            texts.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, random.GetItems(WordTemplates, 1)[0], item));
        }

        foreach (var word in words.Where(w => !w.Contains(' ')))
        {
            texts.Add(Restyle(word + random.GetItems(InflectionSuffixes, 1)[0], random));
        }

        var pool = words.Concat(phrases).Concat(emoji).Concat(emoticons).Concat(Extras).ToArray();
        for (var n = 0; n < 4000; n++)
        {
            texts.Add(Compose(pool, random));
        }

        for (var n = 0; n < 600; n++)
        {
            texts.Add(Noise(random));
        }

        return [.. texts.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Every single word of the lexicon with every ending the inflection rules know, doubled last letters and dropped
    /// e's and g's: the rules decide between several readings of one word by their order, which this pins down.
    /// </summary>
    public static IReadOnlyList<string> Inflections()
    {
        var words = Items(PositiveWords.Data, NegativeWords.Data, SlangWords.Data, ModifierWords.Data, FunctionWords.Data)
            .Where(w => !w.Contains(' '))
            .Order(StringComparer.Ordinal);
        var texts = new List<string>();
        foreach (var word in words)
        {
            var stems = word.EndsWith('e') ? new[] { word, word[..^1] } : [word, word + word[^1]];
            foreach (var stem in stems)
            {
                texts.AddRange(InflectionSuffixes.Select(suffix => stem + suffix));
            }

            if (word.EndsWith('y'))
            {
                texts.AddRange(InflectionSuffixes.Select(suffix => word[..^1] + suffix));
            }
        }

        return [.. texts.Distinct(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> GeneratorComments()
    {
        var dataset = DatasetGenerator.Generate(new GeneratorOptions { Seed = Seed, Creators = 20, Videos = 60, Comments = 4000 });
        return dataset.Comments.Select(c => c.Text).Distinct(StringComparer.Ordinal).Take(3000);
    }

    private static string[] Items(params string[] data) =>
        [.. data.SelectMany(d => LexiconParser.Parse(d)).Select(p => p.Key).Distinct(StringComparer.Ordinal)];

    /// <summary>Random items joined by spaces and punctuation, restyled; a few run past the stack buffer (256 characters).</summary>
    private static string Compose(string[] pool, Random random)
    {
        var count = random.Next(10) == 0 ? random.Next(30, 90) : random.Next(1, 14);
        var builder = new StringBuilder();
        for (var k = 0; k < count; k++)
        {
            if (k > 0)
            {
                builder.Append(random.Next(3) == 0 ? random.GetItems(Connectors, 1)[0] : " ");
            }

            builder.Append(Restyle(random.GetItems(pool, 1)[0], random));
        }

        if (random.Next(4) == 0)
        {
            builder.Append(random.GetItems(["!", "!!!", "?", "??", ".", "...", " 😂", " 😭", " fr", " lol", " af"], 1)[0]);
        }

        return builder.ToString();
    }

    /// <summary>Mixed case, capitals, title case, stretched letters, a typed apostrophe, or unchanged.</summary>
    private static string Restyle(string item, Random random) => random.Next(12) switch
    {
        0 => item.ToUpperInvariant(),
        1 when item.Length > 0 => char.ToUpperInvariant(item[0]) + item[1..],
        2 when item.Length > 1 => Stretch(item, random),
        3 => item.Replace('\'', '’'),
        4 => string.Concat(item.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : c)),
        _ => item,
    };

    private static string Stretch(string item, Random random)
    {
        var at = random.Next(item.Length);
        return item[..at] + new string(item[at], random.Next(2, 7)) + item[at..];
    }

    /// <summary>Characters the tokenizer treats specially, including broken surrogates, escapes and combining marks.</summary>
    private static string Noise(Random random)
    {
        string[] alphabet =
        [
            "a", "e", "h", "l", "o", "k", "s", "G", "O", "D", " ", " ", " ", "'", "’", "*", "/", "1", "0", "7", ":", ";",
            ")", "(", "<", "3", "-", "_", "^", ".", "!", "?", ",", "&", "#", "x", "\\", "u", "2", "9", "@", "\n", "\t",
            "\u0301", "\uD83D", "\uDE02", "😂", "😭", "🔥", "👍🏿", "\uFE0F", "\u200D", "я", "ж", "字", "ا", "ｇ", "𝐠", "‼",
            "…", "—", "good", "bad", "not", "so", "but", "lol", "amp;", "lt;", "#39;", "x1F;",
        ];
        var length = random.Next(1, random.Next(8) == 0 ? 400 : 40);
        return string.Concat(random.GetItems(alphabet, length));
    }
}
