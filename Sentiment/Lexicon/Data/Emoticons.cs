namespace Insights.Sentiment.Lexicon.Data;

/// <summary>
/// ASCII emoticons, matched case-sensitively and only between word boundaries (the tokenizer checks). A
/// repeated last character (":)))", "<333") is part of the match. HTML-escaped "&lt;3" is decoded beforehand.
/// </summary>
internal static class Emoticons
{
    public const string Data = """
        3.2: <3
        2.4: :D :-D =D :'D ;D ^_^ ^.^ ^-^
        2.0: :) :-) =) (: :] :3 ;) ;-) ^^ :* :-*
        1.6: :P :-P :p :-p ;P ;p =P
        laugh 2.0: xD XD xd
        -0.8: :| :-| -.- :-o :O :o
        -1.2: :/ :-/ :\ :-\ =/ -_- :S :s
        -2.0: :( :-( =( ): :[
        -2.4: :'( :'-( T_T T.T ;( ;-( </3 :@
        -3.2: >:( >:-(
        """;
}
