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
            "my package arrived in {n} days, fast shipping", "shipping was so quick, my order came early", "delivery was fast and the package was perfect",
            "ordered monday and the package arrived wednesday, love the fast shipping", "the shipping update emails are so helpful",
            "got my order already, fastest delivery ever",
        ],
        [
            "how long does shipping take to {city}?", "do you ship to {city}?", "is shipping free on orders over {n} dollars?",
            "what's the delivery time for orders right now?", "does the package come with tracking?", "when will my order ship?",
            "does shipping to {city} take longer?",
        ],
        [
            "ordered {n} weeks ago and my package still hasn't shipped", "shipping is taking forever, where is my order", "still waiting on my delivery",
            "my package got lost in shipping again", "tracking says delivered but there is no package", "order delayed again, the shipping is a joke",
            "{n} days and my order is still not shipped",
        ]),
        new("new flavour", (3.0, 1.5, 1.0),
        [
            "the new mango flavour is so good", "tried the new flavour and it tastes amazing", "new flavour is my favourite, so refreshing",
            "the new flavour tastes like summer", "obsessed with the new mango flavour", "finally a flavour that tastes fresh, love it",
        ],
        [
            "where can i buy the new flavour?", "what does the new flavour taste like?", "is the new flavour sweet or sour?",
            "is the mango flavour in stores in {city}?", "does the new flavour have sugar?", "which flavour should i try first?",
        ],
        [
            "the new flavour tastes like medicine", "bring back the old flavour", "new mango flavour is way too sweet",
            "tried the new flavour and it tastes awful", "the new flavour is a flop, tastes artificial", "that flavour tastes like cough syrup",
        ]),
        new("price", (1.0, 2.0, 3.0),
        [
            "worth every dollar honestly", "great price for the quality", "the price drop is amazing, stocked up",
            "cheaper than anywhere else, great deal", "for this price it's a steal", "love that the price is so fair, great value",
        ],
        [
            "how much does it cost?", "is there a discount code?", "what's the price in {city}?", "is the price the same in stores?",
            "how much was it in dollars?", "does the price include tax?",
        ],
        [
            "the price is way too expensive for what it is", "the price went up again, not paying that", "{n} dollars?? that price is a scam",
            "too expensive, i'll wait for a discount", "overpriced and the quality is worse", "raising the price every month is greedy",
        ]),
        new("the song", (3.0, 3.0, 1.0),
        [
            "this song is stuck in my head", "the beat drop in this song is amazing", "added the song to my playlist",
            "this song makes the video perfect", "i love this song so much, the lyrics", "the song choice is perfect",
        ],
        [
            "what's the name of this song?", "who sings this song?", "need the full song please", "anyone know the artist of this song?",
            "is this song on spotify?", "what's the song at the end?",
        ],
        [
            "the song is too loud, can't hear anything", "this song is so overused", "please stop using this song",
            "the song ruins the video", "i'm so sick of this song", "worst song choice, mute",
        ]),
        new("sizing and fit", (2.0, 2.0, 2.0),
        [
            "ordered a medium and it fits perfectly", "the fit is so flattering, true to size", "finally jeans that fit my waist",
            "the sizing chart was spot on, perfect fit", "true to size and so comfy", "love the fit, the medium size is perfect",
        ],
        [
            "what size are you wearing?", "does it run true to size?", "should i size up or down?", "what size is the model wearing?",
            "is the fit loose or tight?", "do they have plus sizes?",
        ],
        [
            "the sizes run so small, size up", "returned it because the fit was off", "ordered a large and it fits like a small",
            "the sizing chart is wrong, nothing fits", "awful fit, too tight in the waist", "the fit is terrible and the sleeves too short",
        ]),
        new("customer service", (1.0, 1.5, 3.0),
        [
            "customer service refunded me right away", "support replied in minutes, great customer service",
            "shoutout to the support team for fixing my refund", "best customer service i've had, thank you",
            "customer support was so kind and helpful", "great support team, my refund came in {n} days",
        ],
        [
            "how do i contact customer support?", "what's the support email?", "is there a phone number for customer service?",
            "how do refunds work?", "can support change my address?", "does customer service answer on weekends?",
        ],
        [
            "customer service never answered my emails", "support ignored me for {n} weeks", "still no refund, customer service is useless",
            "worst customer service ever, nobody replies", "support closed my ticket without a refund", "customer service hung up on me",
        ]),
        new("giveaway", (3.0, 2.0, 1.0),
        [
            "entering the giveaway, good luck everyone", "i won the giveaway last month, thank you so much", "love these giveaways, so generous",
            "best giveaway prize ever", "entering the giveaway for my sister", "so excited for this giveaway, thank you",
        ],
        [
            "when does the giveaway end?", "how do i enter the giveaway?", "is the giveaway open in {city}?", "when do you announce the giveaway winner?",
            "do i need to follow to enter the giveaway?", "how is the giveaway winner picked?",
        ],
        [
            "the giveaway winner was fake", "nobody ever wins these giveaways", "giveaway scam, the winner is a bot account",
            "another fake giveaway", "the giveaway is rigged", "the giveaway rules are so confusing and unfair",
        ]),
        new("filters and editing", (2.0, 3.0, 1.0),
        [
            "the editing on this is insane", "the transitions are so smooth, great editing", "this filter looks so good",
            "editing skills on another level", "the color grading is beautiful", "love this filter, the editing is so clean",
        ],
        [
            "what filter is this?", "which app do you use for editing?", "how did you do that transition?", "what's the name of this filter?",
            "what editing software is this?", "is this a filter or real?",
        ],
        [
            "this filter makes everyone look fake", "too much editing, looks fake", "the filter is so obvious",
            "the editing gave me a headache", "turn off the filter please", "the transitions are so choppy",
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
