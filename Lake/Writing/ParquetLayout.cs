namespace Insights.Lake.Writing;

using System.Reflection;
using System.Text.Json.Serialization;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

/// <summary>
/// How the lake lays out a row type in Parquet, built once per type. Columns, names and nullability are exactly what
/// Parquet.Net's serializer derives from the class (so <see cref="ParquetSerializer"/> reads the files back, old and
/// new), with two changes that cheapen every reader: timestamps are INT64 microseconds since the epoch (the
/// <c>TIMESTAMP_MICROS</c> type every engine reads as a plain timestamp) instead of the deprecated 12-byte INT96, and
/// the columns marked <see cref="ParquetDictionaryAttribute"/> are dictionary-encoded.
/// </summary>
internal sealed class ParquetLayout<TRow>
    where TRow : class, new()
{
    /// <summary>Rows per row group: as Parquet.Net's serializer cut them, so a lake file is one group.</summary>
    public const int RowGroupSize = ParquetOptions.DefaultRowGroupSize;

    public static readonly ParquetLayout<TRow> Instance = new();

    private ParquetLayout()
    {
        var properties = typeof(TRow).GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.GetMethod is not null && p.SetMethod is not null)
            .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name, StringComparer.Ordinal);
        var columns = new List<ParquetColumn<TRow>>();
        foreach (var reflected in typeof(TRow).GetParquetSchema(forWriting: true).Fields)
        {
            if (reflected is not DataField field || field.IsArray || !properties.TryGetValue(field.Name, out var property))
            {
                throw new NotSupportedException($"{typeof(TRow).Name}.{reflected.Name}: the lake writes flat rows of scalar properties only");
            }

            if (field is DateTimeDataField)
            {
                field = new DateTimeDataField(field.Name, DateTimeFormat.DateAndTimeMicros, isNullable: field.IsNullable);
            }

            if (property.GetCustomAttribute<ParquetDictionaryAttribute>() is not null)
            {
                Options.ColumnEncodingHints[field.Name] = EncodingHint.Dictionary;
            }

            columns.Add(ParquetColumn<TRow>.For(field, property));
        }

        Columns = columns;
        Schema = new ParquetSchema(columns.Select(c => (Field)c.Field).ToList());
    }

    public ParquetSchema Schema { get; }

    public IReadOnlyList<ParquetColumn<TRow>> Columns { get; }

    /// <summary>Snappy, as before: Parquet.Net's zstd and LZ4 at their default level cost 10 to 30 times the CPU.</summary>
    public ParquetOptions Options { get; } = new() { CompressionMethod = CompressionMethod.Snappy };
}
