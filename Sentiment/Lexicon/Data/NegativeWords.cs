namespace Insights.Sentiment.Lexicon.Data;

/// <summary>
/// Negative English words with valences on a -4..+4 scale, written for this project. Format: see
/// <see cref="LexiconParser"/>. Inflections the stemmer recovers (hates, ruined, sadly) need no entry.
/// </summary>
internal static class NegativeWords
{
    public const string Data = """
        # hatred, horror, atrocity
        -3.6: hate hated hates hating hatred loathe loathing despise despised horrific horrendous atrocious
        -3.6: abhorrent despicable disgusting disgusted vile repulsive revolting worst abysmal appalling
        -3.6: murder murdered murderer murderers rape raped rapist racist racism bigot bigots nazi nazis
        -3.6: genocide massacre slaughter slaughtered torture tortured terrorist terrorists terrorism
        -3.6: heartbroken heartbreaking devastated devastating tragic tragedy catastrophe catastrophic
        -3.6: nightmare nightmarish suicidal evil monstrous unbearable
        # strong
        -3.2: horrible terrible terribly awful awfully dreadful pathetic miserable misery depressed depressing
        -3.2: furious outraged outrageous enraged livid disaster disastrous shameful disgrace disgraceful
        -3.2: worthless useless hopeless helpless idiot idiots idiotic moron morons imbecile stupidity
        -3.2: bullshit shitty crappy sucks sucked garbage trash trashy rubbish scum toxic abuse abused abusive
        -3.2: terrified terrifying horrified horrifying grief grieving mourn mourning depression agony
        -3.2: violence violent brutal brutality cruel cruelty betrayed betrayal betray fraud scam scammed
        -3.2: scammer kill kills killed killer deadly fatal death deaths die died dies dying cancer assault
        -3.2: tormented suffer suffering suffered anguish loneliness fml
        # clear
        -2.8: sad sadness angry anger upset upsetting annoying annoyed annoyance irritating hideous
        -2.8: frustrated frustrating frustration disappointed disappointing disappointment disappoints
        -2.8: stupid dumb ugly gross nasty cringe cringey cringy cringeworthy lame pissed rage raging
        -2.8: hurt hurts hurting pain painful cry cried sobbing heartache sorrow unhappy
        -2.8: fail failed failing failure failures fails ruin ruined ruining ruins destroy destroyed
        -2.8: regret regrets regretted afraid scared scary frightening frightened terrify panic
        -2.8: bad worse crap shit fucked screwed ashamed shame humiliated humiliating stfu
        -2.8: offensive offended insult insulted insulting disrespect disrespectful rude arrogant selfish
        -2.8: hostile hateful spiteful greedy greed liar liars corrupt corruption criminal victims victim
        -2.8: boring tedious pointless waste wasted wasting disgust eww ew yuck
        # mild
        -2.4: bored dull meaningless mess messy wreck wrecked broken fear anxious anxiety worried
        -2.4: jealous envious bitter resent resentment ignorant lies lied cheat cheated cheating cheater
        -2.4: dishonest fake phony war wars bomb bombing bombed crisis collapse collapsed crash crashed
        -2.4: injured injury injuries wounded bleeding unfair unjust injustice threat threaten threatened
        -2.4: danger dangerous harm harmful damage damaged jerk jerks creep creepy pervert douche douchebag
        -2.4: bitch bitches bitchy asshole assholes bastard dick dickhead prick wanker twat cunt
        -2.4: motherfucker wtf ffs dammit goddamn ugh unacceptable inappropriate disturbing disturbed
        -2.4: abandoned rejected rejection neglected unloved unwanted overrated overpriced ripoff
        -2.4: embarrassing embarrassed embarrassment unfortunate unfortunately regrettable suck sucking
        -2.0: wrong problem problems trouble troubled struggle struggling stress stressed stressful tired
        -2.0: exhausted exhausting drained burnout lose losing loser losers loss losses lost defeat defeated
        -2.0: beaten poor poorly weak weakness sickness ill illness disease virus infected infection
        -2.0: complain complaining complaint complaints whine whining moaning nagging blame blamed guilty
        -2.0: gtfo smh yikes fuck dislike disliked hell mediocre subpar inferior flawed faulty
        -2.0: slow laggy bankrupt debt poverty unemployed fired layoffs jail prison arrested sue sued
        -2.0: scandal ridiculous absurd nonsense overhyped grumpy cranky gloomy grim bleak sore ache
        -2.0: aching headache sick sickening isolated ignored forgotten insecure insecurity paranoid
        -2.0: awkward uncomfortable spam annoy irritate irritated attack attacked attacks shooting
        -1.6: difficult confused confusing confusion misleading drama controversy controversial doubt
        -1.6: doubts doubtful skeptical suspicious uneasy nervous tense expensive cancel cancelled
        -1.6: canceled delayed postponed threatening risky concerned concerning alarming
        -1.6: shocking sketchy shady bizarre boredom blah bleh meh sigh groan tiring tiresome
        -1.6: flood flooding hungover hangover missed missing alone lonely eliminated oppose opposed
        -1.6: basic cheap error errors bug bugs glitch warning sorry apologize
        -1.2: issue issues odd strange unusual weird unsure uncertain unclear concern concerns
        -1.2: warn shock shocked sleepy worn dramatic miss nah nope whatever freezing lie
        -0.4: hmm hmmm
        # words that are not inflections of a sentiment word (stranger is no comparative of strange)
        0: stranger latest strangers slowly
        # more everyday words
        -3.2: killing suicide retarded oppression theft looting
        -2.8: horror madness shitstorm dread dreading fucker fuckers whore whores heartless abusing
        -2.4: bummer bummed argh stinking stinky steal steals stealing stole thief thieves riot rioting offender
        -2.4: convicted lazy dirty aggravating aggravate funeral explosion displeased piss pissing shameless punish
        -2.4: punished doom destruction desperation desperate condemn condemned condemnation
        -2.0: worry worries tears mistake mistakes ouch illegal neglect neglecting migraine migraines devil boycott
        -2.0: angst numb starving criticize criticism criticisms stuck banned
        -1.6: tough darn bother bothered misguided aggressive chaos imposter emergency hurricane earthquake drowning
        -1.6: refuse refuses refused ban protest protests overwhelmed flu severe cough coughing negative ennui
        -1.6: dizzy slump
        -1.2: dang oops doh ack hungry allergies swollen bruises complicated impossible empty darkness obsolete
        -1.2: stop obstacle obstacles storm slams traffic overpaid overwhelming damnit goddammit predictable vulnerable
        -1.2: deficit dilemma exaggerated fumble ass
        -0.8: geez geeze jeez
        -0.4: eh
        """;
}
