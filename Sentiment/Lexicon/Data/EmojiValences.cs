namespace Insights.Sentiment.Lexicon.Data;

/// <summary>
/// Emoji valences as they are used in comments, written for this project. Keys are single code points; the
/// tokenizer ignores variation selectors and skin tones, and splits joined sequences into their parts.
/// 😂 🤣 💀 count as laughter (positive); 😭 🥺 mostly amplify whatever the sentence says.
/// </summary>
internal static class EmojiValences
{
    public const string Data = """
        # love and delight
        3.2: 😍 🥰 🤩 ❤️ 💕 💖 💗 💓 💞 💘 💝 🫶 😻 ♥️
        2.8: 😘 🧡 💛 💚 💙 💜 🤍 🖤 🤎 🩷 🩵 ❣️ 🥳 🔥 🐐 🙌 💯 🏆 🥇 👑 🎉 💫
        2.4: 😊 😄 😃 😁 🤗 👏 😇 🥹 🌟 🎊 🤌 😋 💃 🕺 ☺️ 👍
        2.0: 😀 😆 😚 😙 ✨ ⭐ 💪 😎 🌹 💐 ✅ 🙏 👌 💅 😌
        1.6: 🙂 😉 😜 😝 🤤 🌈 🤭 🥂 🍾 ✌️ 🤝 🫡
        1.2: 😛 🤪 😏 🤯 😲 🌸 🌺 ☀️ 🎶 🎵 ✔️ 🙈 😸 😺 🥵
        0.4: 👀
        # laughter
        laugh 2.0: 😂 🤣 😹 💀
        laugh 1.6: ☠️
        laugh 0.8: 😅 🥲
        # amplifiers: tears that follow joy as often as sorrow
        emphasis 1.25 0.4: 😭
        emphasis 1.15 0.8: 🥺
        emphasis 1.1 0: 😳 😱 ‼️ ❗
        # displeasure
        -0.4: 🤔 🫠 😶 🤷 🙃 🫣 🥶
        -0.8: 😐 😬 😮 😯 😪 😴
        -1.2: 😑 😕 🙁 😟 🤨 🫤 🥱 😷
        -1.6: 😔 😞 😩 😫 😖 😣 😥 😰 😓 🤒 🤕 😤 🫥 ❌ 🚫
        -2.4: 🙄 😒 ☹️ 😢 😨 💔 👎 🤢 🤡 💩 😠 🗑️ 🚮 🤦 😿
        -3.2: 😡 🤬 🤮 🖕 👿
        """;
}
