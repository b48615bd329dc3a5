namespace Insights.Sentiment.Tests.Language;

/// <summary>
/// Hand-written comments in languages the identifier does not know, the way people write under a video. The training
/// data holds none of these languages, so these are the only check that such text comes out as "other".
/// </summary>
internal static class OtherLanguageSamples
{
    public static readonly IReadOnlyDictionary<string, string[]> ByLanguage = new Dictionary<string, string[]>
    {
        ["ru"] =
        [
            "Это видео просто огонь, смотрю уже третий раз",
            "Какая красивая девушка, где это снимали?",
            "Ужасный звук, ничего не слышно",
            "спасибо за рецепт, обязательно попробую",
            "Кто здесь после новостей?",
        ],
        ["uk"] =
        [
            "Дуже гарне відео, дякую автору",
            "Де можна купити таку сукню?",
        ],
        ["ja"] =
        [
            "この動画めっちゃ好き！何回も見ちゃう",
            "かわいすぎて泣いた",
            "音楽の名前を教えてください",
            "最高です、次の動画も楽しみにしてます",
        ],
        ["zh"] =
        [
            "这个视频太好笑了，我笑了半天",
            "请问这首歌叫什么名字？",
            "真的很失望，质量太差了",
            "太美了吧，这是哪里拍的",
        ],
        ["ko"] =
        [
            "이 영상 너무 좋아요 진짜 최고",
            "노래 제목이 뭐예요?",
            "완전 귀여워ㅠㅠ",
            "다음 영상도 기대할게요",
        ],
        ["th"] =
        [
            "คลิปนี้ตลกมากเลย ขำจนท้องแข็ง",
            "เพลงนี้ชื่ออะไรคะ",
        ],
        ["el"] =
        [
            "Πολύ ωραίο βίντεο, μπράβο σου!",
            "Τι τραγούδι είναι αυτό;",
        ],
        ["he"] =
        [
            "סרטון מדהים, תודה רבה",
            "איפה זה צולם?",
        ],
        ["fa"] =
        [
            "این ویدیو خیلی قشنگه، ممنون که گذاشتی",
            "اسم این آهنگ چیه؟ خیلی دوستش دارم",
        ],
        ["ur"] =
        [
            "یہ ویڈیو بہت اچھی ہے، شکریہ",
            "مجھے یہ گانا بہت پسند ہے",
        ],
        ["tr"] =
        [
            "Bu video çok güzel olmuş, tebrikler",
            "Şarkının adı ne acaba? Çok beğendim",
            "Berbat bir ses kalitesi, hiçbir şey duyulmuyor",
            "Gerçekten harika bir iş çıkarmışsın kardeşim",
        ],
        ["pl"] =
        [
            "To jest najlepszy filmik jaki dzisiaj widziałem",
            "Dzięki za przepis, na pewno spróbuję",
            "Strasznie słaba jakość, nic nie słychać",
            "Gdzie można kupić taką sukienkę?",
        ],
        ["nl"] =
        [
            "Wat een leuke video, ik moest echt heel hard lachen",
            "Waar kan ik die jas kopen? Hij is echt mooi",
            "Dit is echt het slechtste wat ik ooit heb gezien",
            "Ik kijk elke dag naar jullie filmpjes, ga zo door",
        ],
        ["sv"] =
        [
            "Vilken härlig video, jag blev så glad av den",
            "Vad heter låten? Den är så bra",
            "Det här var verkligen dåligt gjort tycker jag",
        ],
        ["id"] =
        [
            "Videonya bagus banget, aku suka sekali sama lagunya",
            "Kakak beli bajunya di mana ya? Cantik sekali",
            "Sumpah ini lucu banget sampai aku nangis ketawa",
        ],
        ["cs"] =
        [
            "Tohle je opravdu skvělé video, děkuji moc",
            "Kde se dá koupit ta bunda? Vypadá úžasně",
        ],
        ["ro"] =
        [
            "Ce videoclip frumos, mulțumesc pentru că l-ai postat",
            "Unde pot să cumpăr rochia asta? Este superbă",
        ],
    };

    /// <summary>Comments in the model's languages as short as TikTok's: they must not be set aside as other.</summary>
    public static readonly IReadOnlyList<(string Language, string Text)> ShortKnown =
    [
        ("en", "love this so much"),
        ("en", "Café was great"),
        ("en", "so cute 😍"),
        ("en", "wow amazing"),
        ("en", "this is the best video ever"),
        ("en", "omg I can't stop watching"),
        ("es", "me encanta esta canción"),
        ("es", "qué bonito vídeo, muchas gracias"),
        ("pt", "que vídeo lindo, amei demais"),
        ("fr", "j'adore cette vidéo, merci beaucoup"),
        ("de", "ich finde das Video richtig gut"),
        ("it", "che bello questo video, grazie mille"),
        ("ar", "فيديو رائع جدا شكرا لك"),
        ("hi", "यह वीडियो बहुत अच्छा है"),
    ];
}
