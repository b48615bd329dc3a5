namespace Insights.Generator;

using System.Text;
using Bogus;
using Insights.Sentiment;

/// <summary>A theme of videos: its hashtags and the descriptions creators write.</summary>
internal sealed record Topic(string Name, string[] Hashtags, string[] Descriptions);

/// <summary>The text material of generated data: topics, hashtags, descriptions and comment templates.</summary>
internal static class Content
{
    public static readonly string[] GenericHashtags =
        ["fyp", "foryou", "foryoupage", "viral", "trending", "tiktok", "fypシ", "xyzbca", "explore", "relatable"];

    public static readonly string[] Regions =
        ["US", "US", "US", "GB", "CA", "AU", "DE", "FR", "BR", "MX", "ID", "PH", "JP", "KR", "IN", "NG", "ES", "IT"];

    public static readonly Topic[] Topics =
    [
        new("dance", ["dance", "dancechallenge", "choreography", "trend", "dancer"],
        [
            "new dance trend, who's trying it?", "learned this in {n} minutes lol", "tutorial at the end 👇",
            "did we nail it? 💃", "dance with me {name}", "my mom tried this too 😂", "this trend but make it slow",
        ]),
        new("cooking", ["cooking", "recipe", "foodtok", "easyrecipe", "homemade", "food"],
        [
            "easiest {food} you'll ever make", "{food} in {n} minutes", "grandma's secret {food} recipe",
            "3 ingredient {food} 🤯", "what i eat in a day in {city}", "trying the viral {food}", "budget {food} for the week",
        ]),
        new("fitness", ["fitness", "gym", "workout", "gymtok", "fitnessmotivation", "health"],
        [
            "day {n} of my fitness journey", "{n} minute ab workout 🔥", "leg day hits different", "form check please",
            "gym in {city} is packed", "no equipment home workout", "progress update: {n} weeks",
        ]),
        new("comedy", ["comedy", "funny", "skit", "humor", "memes", "lol"],
        [
            "POV: your mom finds your report card", "when {name} says 'one more episode'", "me at 3am be like",
            "wait for the end 😂", "the group chat at 2am", "things my roommate says part {n}", "tell me you're from {city} without telling me",
        ]),
        new("tech", ["tech", "techtok", "iphone", "android", "coding", "gadgets", "ai"],
        [
            "{n} iphone tricks you didn't know", "is this the best budget phone?", "desk setup tour 🖥️",
            "coding for {n} hours straight", "this ai tool is insane", "unboxing the new gadget", "tech tips part {n}",
        ]),
        new("beauty", ["beauty", "makeup", "skincare", "grwm", "makeuptutorial"],
        [
            "grwm for a date in {city}", "{n} step skincare routine", "drugstore vs high end", "soft glam tutorial ✨",
            "trying the viral mascara", "makeup for beginners part {n}",
        ]),
        new("pets", ["pets", "dogsoftiktok", "catsoftiktok", "puppy", "cute", "animals"],
        [
            "{name} discovered the zoomies", "my cat judging me for {n} minutes", "he knows what he did 🐶",
            "first day home with {name}", "rate my dog's outfit", "the way she looks at me 🥺",
        ]),
        new("gaming", ["gaming", "gamer", "fortnite", "minecraft", "twitch", "clips"],
        [
            "clutch of the year??", "{n} kills in one round", "minecraft build took {n} hours", "rage quit compilation",
            "when your teammate {name} goes afk", "ranked grind day {n}",
        ]),
        new("travel", ["travel", "traveltok", "wanderlust", "vacation", "explore"],
        [
            "{n} things to do in {city}", "hidden gem in {city} 📍", "travel day vlog", "pack with me for {city}",
            "cheapest flight hack", "sunset in {city} hits different 🌅",
        ]),
        new("music", ["music", "singing", "cover", "newmusic", "guitar", "producer"],
        [
            "my cover of this song 🎶", "made a beat in {n} minutes", "original song, part {n}", "singing in the car again",
            "guitar riff i can't stop playing", "duet this with me",
        ]),
        new("fashion", ["fashion", "ootd", "style", "outfit", "thrift"],
        [
            "outfit of the day in {city}", "thrift haul part {n}", "styling one piece {n} ways", "rate this fit 1-10",
            "fall outfits you need", "$20 outfit challenge",
        ]),
        new("booktok", ["booktok", "books", "reading", "bookrecommendations"],
        [
            "books that made me cry 📚", "read {n} books this month", "if you liked this, read that", "book haul!!",
            "annotating my favourite book", "reading in {city} cafe",
        ]),
    ];

    public static readonly string[] Foods =
        ["pasta", "ramen", "tacos", "banana bread", "fried rice", "cookies", "lasagna", "pancakes", "curry", "smash burgers", "sushi bake"];

    public static readonly Dictionary<SentimentLabel, string[]> CommentTemplates = new()
    {
        [SentimentLabel.Positive] =
        [
            "this is fire 🔥", "no cap best video", "no cap best video on my fyp", "omg i love this", "ate and left no crumbs",
            "slay 💅", "obsessed with this", "this made my day", "the way i replayed this 10 times", "you never miss {creator}",
            "💀💀💀", "i'm dead 💀😂", "this is so wholesome 🥹", "W video", "absolute W", "best thing on my fyp today",
            "masterpiece 👏", "goated", "you understood the assignment", "this deserves millions of views", "10/10 no notes",
            "so talented omg", "underrated creator fr", "the {topic} content i needed", "love love love this ❤️",
            "this is genuinely amazing", "bestie you ate", "vibes are immaculate ✨", "im screaming 😂😂", "lmaooo this is so funny",
            "pls never stop posting", "core memory unlocked", "you deserve all the followers", "chef's kiss 🤌", "iconic",
            "how is this so good", "this is art", "happy tears 🥲", "best {topic} video ever", "love this so much",
        ],
        [SentimentLabel.Neutral] =
        [
            "who's here in {year}?", "what song is this", "what's the song name?", "first", "part 2?", "where is this?",
            "what app do you use to edit?", "what camera is this", "recipe?", "link?", "pov: it's 3am and i'm still scrolling",
            "me watching this at 3am", "here before it blows up", "anyone else from {city}?", "what's your setup",
            "tutorial please", "how long did this take?", "commenting for the algorithm", "day {n} of asking for part 2",
            "who else got this on their fyp", "is this real?", "what brand is that", "@{friend} look", "@{friend}",
            "saving this for later", "the cat in the background", "what time zone are you in", "wait what", "ok",
            "where did you get that shirt", "how tall are you", "what's the name of the {topic} trend",
        ],
        [SentimentLabel.Negative] =
        [
            "so mid 😒", "unfollowing", "this is so cringe", "worst video i've seen today", "ratio", "nobody asked",
            "why is this on my fyp", "this ain't it", "mid at best", "delete this", "boring 🥱", "i want my 15 seconds back",
            "the audio is so annoying", "fake af", "clickbait", "this is embarrassing", "not funny at all", "terrible take",
            "stop posting this", "ick 🤢", "yikes", "so overrated", "this is painful to watch", "you fell off", "fell off hard",
            "trash 🗑️", "hate this", "this is so bad lol", "who approved this", "not it 👎", "worst {topic} video ever",
        ],
    };

    private static readonly Dictionary<SentimentLabel, string[]> Emoji = new()
    {
        [SentimentLabel.Positive] = ["🔥", "😍", "😂", "❤️", "🙌", "✨", "💯", "🥰", "👏", "🤩"],
        [SentimentLabel.Neutral] = ["👀", "🤔", "🎵", "📍", "🙂", "👇"],
        [SentimentLabel.Negative] = ["😒", "🙄", "👎", "😬", "🥱", "🤢", "😤"],
    };

    private static readonly Dictionary<SentimentLabel, string[]> Slang = new()
    {
        [SentimentLabel.Positive] = ["fr", "no cap", "fr fr", "ong", "periodt", "lowkey"],
        [SentimentLabel.Neutral] = ["tho", "lol", "btw", "rn"],
        [SentimentLabel.Negative] = ["fr", "ngl", "tbh", "smh", "honestly"],
    };

    /// <summary>Words a typo must not touch: a typo there could change the meaning.</summary>
    private static readonly HashSet<string> Protected = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "ain't", "don't", "nobody", "worst", "best", "love", "hate", "mid", "cringe", "boring", "unfollowing",
    };

    public static string Fill(string template, Faker f, TextContext ctx)
    {
        if (!template.Contains('{'))
        {
            return template;
        }

        var sb = new StringBuilder(template);
        Replace(sb, "{creator}", () => "@" + ctx.Creator);
        Replace(sb, "{topic}", () => ctx.Topic);
        Replace(sb, "{year}", () => ctx.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Replace(sb, "{city}", () => f.Address.City());
        Replace(sb, "{name}", () => f.Name.FirstName());
        Replace(sb, "{friend}", () => f.PickRandom(ctx.Friends));
        Replace(sb, "{food}", () => f.PickRandom(Foods));
        Replace(sb, "{n}", () => f.Random.Int(2, 30).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>Replaces each occurrence of <paramref name="slot"/> with a fresh value.</summary>
    private static void Replace(StringBuilder sb, string slot, Func<string> value)
    {
        for (var at = IndexOf(sb, slot); at >= 0; at = IndexOf(sb, slot))
        {
            sb.Remove(at, slot.Length).Insert(at, value());
        }
    }

    private static int IndexOf(StringBuilder sb, string s) => sb.ToString().IndexOf(s, StringComparison.Ordinal);

    /// <summary>Writes a comment of the given intended label, with the noise of real comments.</summary>
    public static string Comment(SentimentLabel label, Faker f, TextContext ctx) =>
        Comment(label, f.PickRandom(CommentTemplates[label]), f, ctx);

    /// <summary>Writes a comment on <paramref name="theme"/> of the given intended label, with the same noise.</summary>
    public static string Comment(AudienceTheme theme, SentimentLabel label, Faker f, TextContext ctx) =>
        Comment(label, f.PickRandom(theme.Templates(label)), f, ctx);

    private static string Comment(SentimentLabel label, string template, Faker f, TextContext ctx)
    {
        var text = Fill(template, f, ctx);
        var r = f.Random;

        if (r.Bool(0.12f))
        {
            var slang = r.ArrayElement(Slang[label]);
            text = r.Bool() ? $"{slang} {text}" : $"{text} {slang}";
        }

        if (r.Bool(0.2f))
        {
            text = Elongate(text, r);
        }

        if (r.Bool(0.1f))
        {
            text = Typo(text, r);
        }

        if (label != SentimentLabel.Neutral && r.Bool(0.08f))
        {
            text = text.ToUpperInvariant();
        }
        else if (r.Bool(0.1f))
        {
            text = char.ToUpperInvariant(text[0]) + text[1..];
        }

        if (r.Bool(0.3f))
        {
            var emoji = r.ArrayElement(Emoji[label]);
            text += " " + string.Concat(Enumerable.Repeat(emoji, r.Int(1, 3)));
        }

        if (label == SentimentLabel.Positive && r.Bool(0.08f))
        {
            text += "!!!";
        }

        return text;
    }

    /// <summary>Repeats the last letter of one word: "so" becomes "soooo".</summary>
    internal static string Elongate(string text, Randomizer r)
    {
        var ends = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiLetter(text[i]) && (i + 1 == text.Length || !char.IsAsciiLetter(text[i + 1])))
            {
                ends.Add(i);
            }
        }

        if (ends.Count == 0)
        {
            return text;
        }

        var at = r.ListItem(ends);
        return text[..(at + 1)] + new string(text[at], r.Int(2, 5)) + text[(at + 1)..];
    }

    /// <summary>One keyboard slip in a longer word: two letters swapped, one dropped or one doubled.</summary>
    internal static string Typo(string text, Randomizer r)
    {
        var words = new List<(int Start, int Length)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsAsciiLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                var length = i - start;
                if (length >= 5 && !Protected.Contains(text.Substring(start, length).ToLowerInvariant()))
                {
                    words.Add((start, length));
                }

                start = -1;
            }
        }

        if (words.Count == 0)
        {
            return text;
        }

        var (s, len) = r.ListItem(words);
        var p = s + r.Int(1, len - 2); // never the first or last letter
        return r.Int(0, 2) switch
        {
            0 => text[..p] + text[p + 1] + text[p] + text[(p + 2)..],
            1 => text[..p] + text[(p + 1)..],
            _ => text[..p] + text[p] + text[p..],
        };
    }
}

/// <summary>What a comment may refer to.</summary>
internal sealed record TextContext(string Creator, string Topic, int Year, string[] Friends);
