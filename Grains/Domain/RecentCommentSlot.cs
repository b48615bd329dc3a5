namespace Insights.Grains.Domain;

using System.Runtime.InteropServices;

/// <summary>
/// One recent comment's fixed part in 24 bytes; its id, username and text are in the list's one byte array, after
/// the bytes of the comments before it (<see cref="RecentCommentList"/>). The score is kept in ten-thousandths (it is
/// reported rounded to four places), the analyzer as an index into the list's few names, the language as one more
/// than an index into its few codes (0: undetermined).
/// </summary>
[GenerateSerializer]
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public struct RecentCommentSlot
{
    /// <summary>What <see cref="IdBytes"/> holds when the id is a decimal number, kept as 8 bytes instead of its digits.</summary>
    public const short NumericId = -1;

    [Id(0)] public long CreateTicks;
    [Id(1)] public int ScoreTenThousandths;
    /// <summary>Id, username and text bytes together.</summary>
    [Id(2)] public int Bytes;
    /// <summary>UTF-8 bytes of the id, or <see cref="NumericId"/>.</summary>
    [Id(3)] public short IdBytes;
    [Id(4)] public short UsernameBytes;
    [Id(5)] public sbyte Label;
    [Id(6)] public byte Analyzer;
    [Id(7)] public byte Language;
}
