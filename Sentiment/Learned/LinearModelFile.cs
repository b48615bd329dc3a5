namespace Insights.Sentiment.Learned;

using System.IO.Compression;
using System.Text;

/// <summary>
/// The model file: gzip over a little-endian binary body. Body: the magic <c>INSLIN01</c>; the feature options
/// (hash bits, shortest and longest character n-gram, word n-grams, word prefix length: five int32); the signal count and the class
/// count (int32); the biases and the signal weights (float32); the number of buckets with a weight (int32), then for
/// each, in ascending order, the gap from the previous one (7-bit varint) and its three weights (float32). Buckets
/// without a line are 0 (L1 regularisation zeroes most of them), which keeps the file small.
/// </summary>
public static class LinearModelFile
{
    private static ReadOnlySpan<byte> Magic => "INSLIN01"u8;

    public static void Write(Stream destination, LinearModel model)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var gzip = new GZipStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        gzip.Write(Serialize(model));
    }

    public static void Write(string path, LinearModel model)
    {
        using var file = File.Create(path);
        Write(file, model);
    }

    /// <exception cref="InvalidDataException">Not a model file, or a damaged one.</exception>
    public static LinearModel Read(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var gzip = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(gzip, Encoding.UTF8, leaveOpen: true);
        try
        {
            Span<byte> magic = stackalloc byte[Magic.Length];
            reader.BaseStream.ReadExactly(magic);
            if (!magic.SequenceEqual(Magic))
            {
                throw new InvalidDataException("Not a sentiment model file (bad magic).");
            }

            var options = new FeatureOptions(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
            options.Validate();
            var signals = reader.ReadInt32();
            var classes = reader.ReadInt32();
            if (signals != LexiconSignals.Count || classes != LinearModel.Classes)
            {
                throw new InvalidDataException($"The model has {signals} signals and {classes} classes; this code reads {LexiconSignals.Count} and {LinearModel.Classes}.");
            }

            var biases = ReadFloats(reader, classes);
            var signalWeights = ReadFloats(reader, signals * classes);
            var bucketWeights = new float[options.Buckets * classes];
            var used = reader.ReadInt32();
            if (used < 0 || used > options.Buckets)
            {
                throw new InvalidDataException($"{used} used buckets of {options.Buckets}.");
            }

            var bucket = -1;
            for (var i = 0; i < used; i++)
            {
                bucket += reader.Read7BitEncodedInt();
                if (bucket < 0 || bucket >= options.Buckets)
                {
                    throw new InvalidDataException($"Bucket {bucket} is outside the table of {options.Buckets}.");
                }

                for (var c = 0; c < classes; c++)
                {
                    bucketWeights[(bucket * classes) + c] = reader.ReadSingle();
                }
            }

            if (gzip.ReadByte() != -1)
            {
                throw new InvalidDataException("The model file has bytes after its last bucket.");
            }

            return new LinearModel(options, biases, signalWeights, bucketWeights);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The model file ends early.", ex);
        }
    }

    public static LinearModel Read(string path)
    {
        using var file = File.OpenRead(path);
        return Read(file);
    }

    /// <summary>The uncompressed body (what <see cref="LinearModel.Digest"/> is computed from).</summary>
    internal static byte[] Serialize(LinearModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(model.Options.HashBits);
            writer.Write(model.Options.CharMin);
            writer.Write(model.Options.CharMax);
            writer.Write(model.Options.WordNgrams);
            writer.Write(model.Options.PrefixLength);
            writer.Write(LexiconSignals.Count);
            writer.Write(LinearModel.Classes);
            WriteFloats(writer, model.Biases);
            WriteFloats(writer, model.SignalWeights);
            writer.Write(model.UsedBuckets);
            var previous = -1;
            var weights = model.BucketWeights;
            for (var bucket = 0; bucket < model.Options.Buckets; bucket++)
            {
                var at = bucket * LinearModel.Classes;
                if (weights[at] == 0 && weights[at + 1] == 0 && weights[at + 2] == 0)
                {
                    continue;
                }

                writer.Write7BitEncodedInt(bucket - previous);
                previous = bucket;
                writer.Write(weights[at]);
                writer.Write(weights[at + 1]);
                writer.Write(weights[at + 2]);
            }
        }

        return body.ToArray();
    }

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadSingle();
        }

        return values;
    }

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }
}
