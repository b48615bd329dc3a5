namespace Insights.Sentiment.Lexicon.Data;

/// <summary>
/// Positive English words with valences on a -4..+4 scale, written for this project. Format: see
/// <see cref="LexiconParser"/>. Inflections the stemmer recovers (loves, enjoyed, happily) need no entry.
/// </summary>
internal static class PositiveWords
{
    public const string Data = """
        # strongest praise and joy
        3.6: adore adored adores adoring ecstatic euphoric overjoyed phenomenal masterpiece masterpieces flawless
        3.6: breathtaking magnificent spectacular extraordinary exquisite sublime heavenly marvelous marvellous
        3.6: superb outstanding immaculate impeccable perfection legendary mindblowing jawdropping
        # strong
        3.2: love loved loves loving lovely amazing amazingly awesome excellent fantastic fabulous wonderful
        3.2: brilliant perfect perfectly beautiful beautifully gorgeous stunning best greatest thrilled delighted
        3.2: delightful delicious blissful bliss joy joyful joyous elated glorious terrific epic incredible stellar
        3.2: splendid remarkable grateful thankful cherish cherished happiest loveliest beloved adorable precious
        3.2: hilarious genius masterful wholesome unforgettable enchanting dazzling radiant majestic divine
        3.2: lovable loveable triumphant jubilant exhilarating
        # clear
        2.8: great happy happiness excited exciting excitement glad proud enjoy enjoyable fun funny
        2.8: congrats congratulations congratulate celebrate celebration thanks thank thankyou appreciate
        2.8: appreciation impressive impressed talented gifted charming victory triumph champion champions
        2.8: fascinating favorite favourite yay hooray woohoo beauty heroic kindness generous generosity
        2.8: inspiring inspirational inspired inspiration blessed blessing blessings admire admiration
        2.8: honored honoured lucky fortunate pleasure satisfying rewarding sweetest gem cutest handsome
        2.8: laughter marvel magical thrilling superstar wow
        2.4: good goodness nice sweet cute kind smile laugh win won winner winners
        2.4: success successful hero heroes brave courage courageous helpful supportive respected
        2.4: pleased pleasant satisfied peaceful relaxing cozy cosy hug kiss xoxo sexy
        2.4: tasty yummy refreshing entertaining charm magic pride hopeful optimistic confident
        2.4: fond friendly cheerful merry festive joyfully nailed graceful elegant classy stylish
        2.4: dreamy passionate fearless trustworthy worthy deserve deserved rejoice loyal loyalty kindest
        2.4: amused amusing enjoyment celebrating bravo kudos miracle angel paradise
        # mild
        2.0: hope cool smart clever intelligent wise wisdom creative unique genuine authentic talent
        2.0: support caring thoughtful gentle calm relaxed safe rescue rescued heal healed healing
        2.0: improve improved improvement better strong powerful bright glow glowing valuable worthwhile
        2.0: honest honesty trusted faithful patience polite respectful sincere skilled skillful respect
        2.0: accomplish accomplished achievement achieve achieved award prize reward progress
        2.0: attractive lovelier cuter nicer greater happier luckier funnier sweeter comfort comforting
        2.0: comfortable warmth cuddle cuddly snuggle bonus benefit opportunity thrive flourish prosper
        2.0: breakthrough cheer cheering applause applaud shoutout props legit yum sunny gladly eager keen
        2.0: thankfully luckily welcome welcoming excite interesting fave fav favs faves bestie besties
        2.0: vacation gracias merci danke relief relieved promising recommend recommended
        2.0: freedom harmony smashing
        1.6: friendship buddy vibe vibes vibing chill playful silly goofy relatable lively energetic
        1.6: special meaningful nostalgic sentimental interested curious okay ok alright decent solid
        1.6: adventure excitedly gift gifts treat celebrated party partying laughs fresh clean rich
        1.6: easy smooth useful stable secure upgrade upgraded boost profit gain gains bless peace
        1.6: unity dream dreams wish wishes pray prayers praying prayer grace holiday holidays
        1.2: yes yep yup certainly sure please true fine fairly fair friend friends care cares
        1.2: free save saved safely protect protected justice important clear approve approved
        1.2: accept accepted acceptable allowed easygoing natural surprise surprised weekend birthday
        1.2: anniversary wedding honeymoon warm promise ready willing fixed solved resolved
        1.2: yeah yea agree agreed spirit together
        0.8: available intrigued intriguing unexpected simple fit
        # more everyday words
        2.8: fab awsome amaze amazes delight heaven stoked romantic encouraging encouragement treasure hurrah
        2.8: hurray huzzah
        2.4: pumped psyched encourage passion praise relaxation insightful memorable cheers hallelujah catchy
        2.0: worth deserving honor honour shine shining sparkling strength creativity healthy smiley giggle embrace
        2.0: neat perk perks trust aww equality romance relax hopefully proudly succeed succeeded
        1.6: luck positive reliable productive effective forgive forgiven survive survived juicy comeback solution
        1.6: fortune wealth desire innocent safety liberty humanity mercy goodnight
        1.2: favor favour cooperation explore hype cheaper
        0.8: fancy ooh curiosity whew phew
        """;
}
