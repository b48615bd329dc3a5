namespace Insights.Generator;

using Bogus;
using Insights.Sentiment;

/// <summary>
/// Something an audience talks about across videos, the way a brand's comments do: each with templates per intended
/// sentiment and how often comments of each sentiment pick it (shipping delays draw complaints, a giveaway cheer).
/// The generator plants them so the topic model can be measured against known themes.
/// </summary>
public sealed record AudienceTheme(string Name, (double Positive, double Neutral, double Negative) Weights, string[] Positive, string[] Neutral, string[] Negative)
{
    public string[] Templates(SentimentLabel label) => label switch
    {
        SentimentLabel.Positive => Positive,
        SentimentLabel.Neutral => Neutral,
        _ => Negative,
    };

    public double Weight(SentimentLabel label) => label switch
    {
        SentimentLabel.Positive => Weights.Positive,
        SentimentLabel.Neutral => Weights.Neutral,
        _ => Weights.Negative,
    };
}

public static class AudienceThemes
{
    public static readonly AudienceTheme[] All =
    [
        new("shipping delays", (0.5, 1.5, 4.0),
        [
            "my package arrived in {n} days, love the fast shipping", "shipping was so quick, my order came early, amazing", "delivery was fast and the package was perfect",
            "ordered monday and the package arrived wednesday, love the fast shipping", "the shipping update emails are so helpful",
            "got my order already, best delivery ever",
        ],
        [
            "how long does shipping take to {city}?", "do you ship to {city}?", "is shipping free on orders over {n} dollars?",
            "what's the delivery time for orders right now?", "does the package come with tracking?", "when will my order ship?",
            "does shipping to {city} take longer?",
        ],
        [
            "ordered {n} weeks ago and my package still hasn't shipped, so annoying", "shipping is terrible, where is my order", "still waiting on my delivery, this is ridiculous",
            "my package got lost in shipping again", "tracking says delivered but there is no package, so frustrating", "order delayed again, the shipping is a joke",
            "{n} days and my order is still not shipped, awful",
        ]),
        new("new flavour", (3.0, 1.5, 1.0),
        [
            "the new mango flavour is so good", "tried the new flavour and it tastes amazing", "new flavour is my favourite, so refreshing",
            "the new flavour tastes like summer, so good", "obsessed with the new mango flavour", "finally a flavour that tastes fresh, love it",
        ],
        [
            "where can i buy the new flavour?", "what does the new flavour taste like?", "is the new flavour sweet or sour?",
            "is the mango flavour in stores in {city}?", "does the new flavour have sugar?", "which flavour should i try first?",
        ],
        [
            "the new flavour tastes like medicine, gross", "bring back the old flavour, the new one is bad", "the new mango flavour is nasty, way too sugary",
            "tried the new flavour and it tastes awful", "the new flavour is a flop, tastes artificial", "that flavour tastes like cough syrup",
        ]),
        new("price", (1.0, 2.0, 3.0),
        [
            "worth every dollar honestly", "great price for the quality", "the price drop is amazing, stocked up",
            "cheaper than anywhere else, great deal", "for this price it's amazing value", "love that the price is so fair, great value",
        ],
        [
            "how much does it cost?", "is there a discount code?", "what's the price in {city}?", "is the price the same in stores?",
            "how much was it in dollars?", "does the price include tax?",
        ],
        [
            "the price is way too expensive for what it is", "the price went up again, ridiculous", "{n} dollars?? that price is a scam",
            "too expensive, i'll wait for a discount", "overpriced and the quality is worse", "raising the price every month is greedy",
        ]),
        new("the song", (3.0, 3.0, 1.0),
        [
            "this song is a banger, love it", "the beat drop in this song is amazing", "added the song to my playlist, so good",
            "this song makes the video perfect", "i love this song so much, the lyrics", "the song choice is perfect",
        ],
        [
            "what's the name of this song?", "who sings this song?", "need the full song please", "anyone know the artist of this song?",
            "is this song on spotify?", "what's the song at the end?",
        ],
        [
            "the song is too loud, can't hear anything, awful", "this song is so overused and boring", "please stop using this song, it's annoying",
            "the song ruins the video", "i'm so sick of this song", "worst song choice, mute",
        ]),
        new("sizing and fit", (2.0, 2.0, 2.0),
        [
            "ordered a medium and it fits perfectly", "the fit is so flattering, true to size", "finally jeans that fit my waist, so happy",
            "the sizing chart was spot on, perfect fit", "true to size and so comfy, love it", "love the fit, the medium size is perfect",
        ],
        [
            "what size are you wearing?", "does it run true to size?", "should i size up or down?", "what size is the model wearing?",
            "is the fit loose or tight?", "do they have plus sizes?",
        ],
        [
            "the sizes run so small, hate it", "returned it because the fit was bad", "ordered a large and it fits like a small, so disappointed",
            "the sizing chart is wrong, nothing fits", "awful fit, too tight in the waist", "the fit is terrible and the sleeves too short",
        ]),
        new("customer service", (1.0, 1.5, 3.0),
        [
            "customer service refunded me right away, thank you", "support replied in minutes, great customer service",
            "shoutout to the support team for fixing my refund", "best customer service i've had, thank you",
            "customer support was so kind and helpful", "great support team, my refund came in {n} days",
        ],
        [
            "how do i contact customer support?", "what's the support email?", "what hours is customer support open?",
            "how do refunds work?", "can support change my address?", "does customer service answer on weekends?",
        ],
        [
            "customer service never answered my emails, terrible", "support ignored me for {n} weeks, awful", "still no refund, customer service is useless",
            "worst customer service ever, nobody replies", "support closed my ticket without a refund, horrible", "customer service hung up on me, so rude",
        ]),
        new("giveaway", (3.0, 2.0, 1.0),
        [
            "entering the giveaway, good luck everyone", "i won the giveaway last month, thank you so much", "love these giveaways, so generous",
            "best giveaway prize ever", "entering the giveaway for my sister, she would love it", "so excited for this giveaway, thank you",
        ],
        [
            "when does the giveaway end?", "how do i enter the giveaway?", "is the giveaway open in {city}?", "when do you announce the giveaway winner?",
            "do i need to follow to enter the giveaway?", "how is the giveaway winner picked?",
        ],
        [
            "the giveaway winner was fake, terrible", "nobody ever wins these giveaways", "fake giveaway, the winner is a bot account, pathetic",
            "another fake giveaway", "the giveaway is rigged, so disappointing", "the giveaway rules are so confusing and unfair",
        ]),
        new("filters and editing", (2.0, 3.0, 1.0),
        [
            "the editing on this is insanely good", "the transitions are so smooth, great editing", "this filter looks so good",
            "editing skills on another level, amazing", "the color grading is beautiful", "love this filter, the editing is so clean",
        ],
        [
            "what filter is this?", "which app do you use for editing?", "how did you do that transition?", "what's the name of this filter?",
            "what editing software is this?", "is this a filter or real?",
        ],
        [
            "this filter makes everyone look fake", "too much editing, looks fake", "the filter is so obvious, it looks bad",
            "the editing gave me a headache", "turn off the filter please, it's awful", "the transitions are so choppy and ugly",
        ]),
    ];

    /// <summary>A theme for a comment of <paramref name="label"/>, chosen by how much each theme draws that sentiment.</summary>
    internal static AudienceTheme Pick(SentimentLabel label, Randomizer r)
    {
        var total = All.Sum(t => t.Weight(label));
        var u = r.Double() * total;
        foreach (var theme in All)
        {
            u -= theme.Weight(label);
            if (u < 0)
            {
                return theme;
            }
        }

        return All[^1];
    }
}
