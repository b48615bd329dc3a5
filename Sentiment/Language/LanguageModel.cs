namespace Insights.Sentiment.Language;

using System.Text;

/// <summary>
/// A naive Bayes language model over <see cref="CharNGrams"/>: for each language, the log-probability of each hashed
/// n-gram bucket, the script its training text is written in, and two bounds below which a text fits none of the
/// languages: the mean log-probability per n-gram, and the share of the text's words among the language's most
/// frequent training words (one bit per language in a hashed word table). Bucket-major in memory, so the scores of
/// all languages for one n-gram are neighbours. Immutable.
/// <para>File format (little-endian): "INSLANG" + format byte 1, the model's version (string), log2 of the bucket
/// count (int), the language count (int), then per language its code (string), script (byte), n-gram threshold and
/// word-share threshold (floats); the weights bucket by bucket as <see cref="Half"/>; log2 of the word table size
/// (int), the number of words (int) and each word's slot (int) and language bits (uint).</para>
/// </summary>
public sealed class LanguageModel
{
    /// <summary>The model that ships with Insights (trained by <c>insights language train</c>).</summary>
    public const string ResourceName = "Insights.Sentiment.Language.Data.language-model.bin";

    public const int MaxLanguages = 32;

    private static readonly byte[] Magic = "INSLANG\u0001"u8.ToArray();
    private static readonly Lazy<LanguageModel> Shipped = new(LoadShipped);

    private readonly float[] weights;
    /// <summary>The word table as given, when more than eight languages need more than a byte per slot.</summary>
    private readonly uint[]? wordLanguages;

    /// <summary>The word table a byte per slot (up to eight languages): a quarter of the memory, so its lookups miss the cache less.</summary>
    private readonly byte[]? wordLanguageBytes;

    public LanguageModel(string version, int bucketBits, IReadOnlyList<LanguageEntry> languages, float[] weights, int wordBits, uint[] wordLanguages)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(wordLanguages);
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketBits, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bucketBits, 24);
        ArgumentOutOfRangeException.ThrowIfLessThan(wordBits, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(wordBits, 24);
        if (languages.Count is 0 or > MaxLanguages)
        {
            throw new ArgumentException($"Between 1 and {MaxLanguages} languages.", nameof(languages));
        }

        if (weights.Length != (1 << bucketBits) * languages.Count || wordLanguages.Length != 1 << wordBits)
        {
            throw new ArgumentException($"Expected {(1 << bucketBits) * languages.Count} weights and {1 << wordBits} word slots.", nameof(weights));
        }

        Version = version;
        BucketBits = bucketBits;
        WordBits = wordBits;
        Entries = [.. languages];
        Languages = [.. languages.Select(l => l.Code)];
        this.weights = weights;
        if (languages.Count <= 8)
        {
            wordLanguageBytes = [.. wordLanguages.Select(w => (byte)w)];
        }
        else
        {
            this.wordLanguages = wordLanguages;
        }
    }

    /// <summary>The shipped model, read once from the assembly.</summary>
    public static LanguageModel Default => Shipped.Value;

    /// <summary>Names the training (e.g. <c>charnb/1</c>).</summary>
    public string Version { get; }

    public int BucketBits { get; }

    public int Mask => (1 << BucketBits) - 1;

    public int WordBits { get; }

    public IReadOnlyList<LanguageEntry> Entries { get; }

    public IReadOnlyList<string> Languages { get; }

    /// <summary>Bytes the model holds in memory.</summary>
    public long MemoryBytes => (weights.Length * sizeof(float)) + (wordLanguageBytes?.Length ?? (wordLanguages!.Length * sizeof(uint)));

    internal float[] Weights => weights;

    /// <summary>Bit l set when the word with this hash is among language l's frequent words (or collides with one).</summary>
    internal uint WordLanguages(uint wordHash) => Slot((int)(wordHash & ((1u << WordBits) - 1)));

    private uint Slot(int slot) => wordLanguageBytes is { } bytes ? bytes[slot] : wordLanguages![slot];

    public static LanguageModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a language model file (or another format version).");
        }

        var version = reader.ReadString();
        var bits = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (bits is < 8 or > 24 || count is < 1 or > MaxLanguages)
        {
            throw new InvalidDataException($"Language model header out of range ({bits} bucket bits, {count} languages).");
        }

        var languages = new LanguageEntry[count];
        for (var l = 0; l < count; l++)
        {
            languages[l] = new LanguageEntry(reader.ReadString(), (Script)reader.ReadByte(), reader.ReadSingle(), reader.ReadSingle());
        }

        var weights = new float[(1 << bits) * count];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)BitConverter.UInt16BitsToHalf(reader.ReadUInt16());
        }

        var wordBits = reader.ReadInt32();
        if (wordBits is < 8 or > 24)
        {
            throw new InvalidDataException($"Language model word table out of range ({wordBits} bits).");
        }

        var wordLanguages = new uint[1 << wordBits];
        var words = reader.ReadInt32();
        for (var i = 0; i < words; i++)
        {
            var slot = reader.ReadInt32();
            wordLanguages[slot] = reader.ReadUInt32();
        }

        return new LanguageModel(version, bits, languages, weights, wordBits, wordLanguages);
    }

    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(BucketBits);
        writer.Write(Entries.Count);
        foreach (var entry in Entries)
        {
            writer.Write(entry.Code);
            writer.Write((byte)entry.Script);
            writer.Write(entry.MinMeanLogProbability);
            writer.Write(entry.MinKnownWordShare);
        }

        foreach (var weight in weights)
        {
            writer.Write(BitConverter.HalfToUInt16Bits((Half)weight));
        }

        writer.Write(WordBits);
        var slots = 1 << WordBits;
        writer.Write(Enumerable.Range(0, slots).Count(slot => Slot(slot) != 0));
        for (var slot = 0; slot < slots; slot++)
        {
            if (Slot(slot) != 0)
            {
                writer.Write(slot);
                writer.Write(Slot(slot));
            }
        }
    }

    private static LanguageModel LoadShipped()
    {
        using var stream = typeof(LanguageModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The language model resource {ResourceName} is missing from {typeof(LanguageModel).Assembly.GetName().Name}.");
        return Read(stream);
    }
}
