namespace Insights.Sentiment.Lexicon.Data;

/// <summary>
/// Words that change the sentiment of their neighbours: negators, boosters and dampeners, contrast and
/// concession markers, emphasis markers. Factors are multipliers of the affected valence.
/// </summary>
internal static class ModifierWords
{
    public const string Data = """
        # negators (any other word ending in n't is one too)
        negate: not no never nothing nobody none nowhere neither nor without cannot hardly scarcely
        negate: can't don't doesn't didn't isn't wasn't aren't weren't won't wouldn't couldn't shouldn't
        negate: haven't hasn't hadn't ain't mustn't needn't
        negate: dont doesnt didnt isnt wasnt arent werent wouldnt couldnt shouldnt havent hasnt hadnt aint
        negate: lack lacks lacking
        # boosters
        boost 1.5: extremely incredibly insanely unbelievably exceptionally ridiculously
        boost 1.4: absolutely utterly totally completely truly deeply highly hugely massively super hella
        boost 1.3: very really so such especially particularly genuinely definitely seriously srsly highkey
        boost 1.3: freaking frickin friggin effing hecka mega ultra soo
        boost 1.2: too quite most much literally honestly rly vry purely simply
        boost 1.1: lowkey
        # dampeners
        boost 0.85: fairly mostly reasonably relatively
        boost 0.9: rather
        boost 0.7: kinda sorta somewhat moderately semi occasionally
        boost 0.6: slightly mildly partly almost nearly less
        boost 0.4: barely marginally
        # clause weighting
        contrast: but however nevertheless nonetheless
        concession: though tho although altho despite
        conditional: if unless whether
        # emphasis of the whole sentence
        emphasis 1.15: fr ong istg
        emphasis 1.3: frfr
        emphasis 1.2: periodt deadass
        emphasis 1.1: ngl
        emphasis 1.05: tbh
        # post-boosters: "cute af"
        postboost 1.35: af asf
        postboost 1.15: ever
        """;
}
