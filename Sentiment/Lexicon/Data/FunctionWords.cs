namespace Insights.Sentiment.Lexicon.Data;

/// <summary>
/// Function words used only by the language check (<see cref="Scoring.LanguageCheck"/>): common English ones,
/// and common ones of other Latin-script languages that are not also English words.
/// </summary>
internal static class FunctionWords
{
    public const string Data = """
        function: a an the and or but if of to in on at by for with from about as into through after before
        function: over under between out up down off than then so too very just also only not no yes
        function: is are was were be been being am do does did done have has had having will would can could
        function: should shall may might must i me my mine myself you your yours yourself he him his she her hers
        function: it its itself we us our ours they them their theirs this that these those there here
        function: what which who whom whose where when why how all any some every each both more most much many
        function: other another such own same again still even ever now never always because while until since
        function: i'm i've i'll i'd you're you've you'll it's that's there's he's she's we're they're let's
        function: don't doesn't didn't can't won't isn't aren't wasn't weren't haven't hasn't wouldn't couldn't
        function: im ive youre thats theres hes shes were theyre lets dont doesnt didnt cant wont isnt
        function: u ur gonna wanna gotta got get gets getting go goes going went make makes made know think
        function: see want need look feel say said one two first new time day people thing way really
        """;

    public const string ForeignData = """
        # Spanish, Portuguese, French, Italian, German, Dutch, Indonesian/Malay, Tagalog, Turkish, Vietnamese
        foreign: el los las del que en una es por para lo muy pero más este esta esto eso como yo mi
        foreign: está están también porque qué cuando todo bien hay tiene ser eres soy nada mucho
        foreign: não uma é você vc muito isso essa esse ele ela meu minha mais tá pra
        foreign: le les des et est je tu il elle nous vous pas qui c'est pour avec dans très ça mais cette
        foreign: gli di che è sono questo questa molto anche perché ci della
        foreign: der das und ist ich nicht ein eine mit auf für sehr aber auch wie wir sie zu
        foreign: het een ik je niet zijn voor maar ook heel wel dit
        foreign: yang ini itu aku kamu tidak gak nggak banget sih dong ada dari juga bisa udah sudah apa
        foreign: kok deh saya kalo kalau mereka dengan untuk
        foreign: ang ng mga sa ako ikaw hindi talaga naman siya kayo tayo
        foreign: bir bu çok için gibi çünkü değil
        foreign: không của và là có được này rất quá
        """;
}
