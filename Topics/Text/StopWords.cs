namespace Insights.Topics.Text;

using System.Collections.Frozen;

/// <summary>
/// Words that carry no topic: ML.NET's stop word lists (embedded in Microsoft.ML.Transforms, read once) for the
/// languages it has, a short Hindi list it lacks, and the chatter of TikTok comments in any language.
/// </summary>
public static class StopWords
{
    // ML.NET's stop word remover only takes one language per column; a day mixes languages per comment, so its
    // lists are read directly and applied per comment.
    private static readonly (string Code, string Resource)[] MlNetLists =
    [
        ("en", "English"), ("es", "Spanish"), ("fr", "French"), ("de", "German"), ("it", "Italian"),
        ("pt", "Portuguese"), ("pt", "Portuguese_Brazilian"), ("ar", "Arabic"), ("nl", "Dutch"), ("ru", "Russian"),
        ("pl", "Polish"), ("sv", "Swedish"), ("da", "Danish"), ("no", "Norwegian_Bokmal"), ("cs", "Czech"), ("ja", "Japanese"),
    ];

    /// <summary>Function words of Hindi (ML.NET has no list), in Devanagari and in the romanized spelling comments use.</summary>
    private static readonly string[] Hindi =
    [
        "है", "हैं", "था", "थी", "थे", "के", "का", "की", "को", "में", "से", "पर", "और", "या", "यह", "ये", "वह", "वो", "भी", "तो",
        "ही", "कि", "जो", "एक", "हो", "कर", "नहीं", "बहुत", "मैं", "मेरा", "मेरी", "आप", "हम", "तुम", "क्या", "इस", "उस", "अब",
        "hai", "hain", "tha", "thi", "ke", "ka", "ki", "ko", "mein", "me", "se", "par", "aur", "ye", "yeh", "wo", "woh", "bhi",
        "toh", "to", "hi", "kya", "nahi", "bahut", "bhai", "yaar", "mera", "meri", "aap", "hum", "tum", "ho", "kar",
    ];

    /// <summary>English function words ML.NET's list lacks (it stops at "would").</summary>
    private static readonly string[] EnglishMissing =
    [
        "yet", "you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'll", "you'd", "i", "i'd", "i'll",
        "did", "does", "doing", "didn't", "doesn't", "isn't", "aren't", "wasn't", "won't", "let", "let's", "it's", "he's",
        "she's", "there's", "what's", "who's", "where's", "how's", "here's", "they're", "we're", "can", "could", "need",
        "want", "make", "made", "know", "think", "say", "said", "look", "looks", "way", "day", "time", "today", "tho",
        "though", "honestly", "actually", "anyone", "everyone", "someone", "else",
    ];

    /// <summary>TikTok chatter: reactions, fillers and the app's own words, which every topic would share.</summary>
    private static readonly string[] Chatter =
    [
        "fyp", "foryou", "foryoupage", "fypシ", "viral", "trending", "tiktok", "video", "videos", "lol", "lmao", "lmfao", "omg",
        "fr", "ngl", "tbh", "smh", "imo", "idk", "btw", "rn", "pls", "plz", "ong", "lowkey", "highkey", "literally", "like",
        "just", "really", "so", "im", "i'm", "u", "ur", "ya", "yall", "y'all", "ok", "okay", "oh", "ah", "haha", "hahaha",
        "bestie", "guys", "gonna", "wanna", "gotta", "thing", "things", "got", "get", "one", "part", "also", "still", "even",
        "pov", "wait", "xd", "jaja", "jajaja", "kkk", "mdr", "dont", "don't", "cant", "can't", "ive", "i've", "thats", "that's",
    ];

    private static readonly FrozenDictionary<string, FrozenSet<string>> ByLanguage = Load();

    /// <summary>The stop words for a comment of <paramref name="language"/> (ISO 639-1; English ones always apply, as comments mix them in).</summary>
    public static FrozenSet<string> For(string language) =>
        ByLanguage.TryGetValue(language, out var words) ? words : ByLanguage["en"];

    private static FrozenDictionary<string, FrozenSet<string>> Load()
    {
        var assembly = typeof(Microsoft.ML.Transforms.Text.StopWordsRemovingEstimator).Assembly;
        var lists = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (code, resource) in MlNetLists)
        {
            using var stream = assembly.GetManifestResourceStream($"Microsoft.ML.Transforms.Text.StopWords.{resource}.txt")
                ?? throw new InvalidOperationException($"ML.NET's {resource} stop word list is missing from Microsoft.ML.Transforms.");
            using var reader = new StreamReader(stream);
            var words = lists.TryGetValue(code, out var existing) ? existing : lists[code] = new HashSet<string>(StringComparer.Ordinal);
            while (reader.ReadLine() is { } line)
            {
                if (line.Trim() is { Length: > 0 } word)
                {
                    words.Add(word.ToLowerInvariant());
                }
            }
        }

        lists["hi"] = [.. Hindi];
        var shared = lists["en"].Concat(EnglishMissing).Concat(Chatter).ToArray();
        return lists.ToFrozenDictionary(p => p.Key, p => p.Value.Concat(shared).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
