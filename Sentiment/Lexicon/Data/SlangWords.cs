namespace Insights.Sentiment.Lexicon.Data;

/// <summary>
/// Social-media and TikTok slang, abbreviations and laughter, with valences written for this project. Words whose
/// meaning depends on their neighbours carry a <see cref="ContextRule"/> (see <see cref="Scoring.ContextualWords"/>).
/// Elongated spellings ("slayyy", "lmaooo") are folded by the tokenizer and need no entry.
/// </summary>
internal static class SlangWords
{
    public const string Data = """
        # praise
        3.6: ilysm goated
        3.2: bussin slay slayed slays slaying banger bangers iconic ily mothered mothering devoured
        3.2: tysm tyvm elite
        2.8: bop bops snatched slaps slapped obsessed unreal luv luvv cutie cuties hbd congratz
        2.4: dope fye poggers pog stan stanning stanned hyped thx thnx thanx tuff underrated yass yas yaas yaass
        2.4: queen queens kween sheesh badass legend legends unmatched wtg woot ftw whoop whoo woo
        2.0: ty rad valid wavy drippin served addictive vibey bae smol hottie wholesomeness xo tnx kool
        1.6: rizz rizzler drip serving nom gg ggs ikr fam sksksk sksk woah whoa dub dubs goosebumps chills xx aw
        1.2: omg omfg aura girlie np yw gn gm hooked addicted facts iykyk
        0.4: wild unhinged chaotic
        # scorn and disappointment
        -2.8: ick icky flop flopped smfh wtaf clownery
        -2.4: flopping ratioed seethe seething malding sus salty triggered clown clowns
        -2.0: rip cope coping capping idc clickbait unfollowing
        -1.6: ratio npc karen pressed delulu unserious oof nvm scripted unfollow
        -1.2: staged
        -0.8: bruh simp fomo boomer
        # context-dependent slang
        context Predicative 2.8: fire lit peak
        context Predicative -2.0: mid
        context Predicative -1.2: cap
        context Based 2.0: based
        context Ate 2.8: ate
        context Dead -3.2: dead deceased
        context Like 2.0: like likes liked
        context CapitalLetter 2.4: w
        context CapitalLetter -2.4: l
        context Goat 3.2: goat
        context Well 1.6: well
        context BoosterOrWord 2.4 1.15: pretty
        context BoosterOrWord -2.4 1.3: mad
        context BoosterOrWord -1.6 1.3: damn
        context BoosterOrWord -1.6 1.4: fucking fuckin fking
        context BoosterOrWord -1.2 1.3: bloody
        context BoosterOrWord 0.4 1.3: crazy insane
        context BoosterOrWord -1.2 1.2: stupidly
        # laughter: never negated nor boosted
        laugh 2.0: lmao lmaoo lmfao lmfaoo rofl roflmao haha hahaha hehe hihi ahah ahaha heh xd
        laugh 1.6: lol lolol lool lols lolz lulz lel kek
        laugh 1.2: ha hah
        """;
}
