namespace Insights.Lake.Writing;

using System.Buffers;
using System.Reflection;
using Parquet;
using Parquet.Schema;

/// <summary>
/// One column of a row type as the lake writes it: its field, and how to take its values out of a batch of rows into
/// a pooled array per column handed to Parquet.Net's column writer (no per-row serializer, no per-value boxing).
/// </summary>
internal abstract class ParquetColumn<TRow>(DataField field)
{
    public DataField Field { get; } = field;

    public abstract Task WriteAsync(ParquetRowGroupWriter group, IReadOnlyList<TRow> rows, int start, int count, CancellationToken cancellationToken);

    /// <summary>The column of <paramref name="property"/>, written as <paramref name="field"/> says.</summary>
    public static ParquetColumn<TRow> For(DataField field, PropertyInfo property)
    {
        var type = property.PropertyType;
        if (type == typeof(string))
        {
            return new StringColumn(field, Getter<string?>(property));
        }

        var underlying = Nullable.GetUnderlyingType(type);
        var column = underlying is null
            ? typeof(ValueColumn<>).MakeGenericType(typeof(TRow), type)
            : typeof(NullableValueColumn<>).MakeGenericType(typeof(TRow), underlying);
        var getter = typeof(ParquetColumn<TRow>).GetMethod(nameof(Getter), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [property])!;
        return (ParquetColumn<TRow>)Activator.CreateInstance(column, field, getter)!;
    }

    private static Func<TRow, T> Getter<T>(PropertyInfo property) =>
        (Func<TRow, T>)Delegate.CreateDelegate(typeof(Func<TRow, T>), property.GetMethod!);

    private sealed class StringColumn(DataField field, Func<TRow, string?> get) : ParquetColumn<TRow>(field)
    {
        public override async Task WriteAsync(ParquetRowGroupWriter group, IReadOnlyList<TRow> rows, int start, int count, CancellationToken cancellationToken)
        {
            var values = ArrayPool<ReadOnlyMemory<char>?>.Shared.Rent(count);
            try
            {
                for (var i = 0; i < count; i++)
                {
                    // Not a conditional expression: null would convert to an empty memory (through char[]), not to no
                    // value. Set either way: a pooled array may hold what its last user left.
                    values[i] = null;
                    if (get(rows[start + i]) is { } value)
                    {
                        values[i] = value.AsMemory();
                    }
                }

                await group.WriteAsync(Field, new ReadOnlyMemory<ReadOnlyMemory<char>?>(values, 0, count), cancellationToken: cancellationToken);
            }
            finally
            {
                // Cleared: the strings it points to should not outlive the batch in the pool.
                ArrayPool<ReadOnlyMemory<char>?>.Shared.Return(values, clearArray: true);
            }
        }
    }

    private sealed class ValueColumn<T>(DataField field, Func<TRow, T> get) : ParquetColumn<TRow>(field)
        where T : struct
    {
        public override async Task WriteAsync(ParquetRowGroupWriter group, IReadOnlyList<TRow> rows, int start, int count, CancellationToken cancellationToken)
        {
            var values = ArrayPool<T>.Shared.Rent(count);
            try
            {
                for (var i = 0; i < count; i++)
                {
                    values[i] = get(rows[start + i]);
                }

                await group.WriteAsync(Field, new ReadOnlyMemory<T>(values, 0, count), cancellationToken: cancellationToken);
            }
            finally
            {
                ArrayPool<T>.Shared.Return(values);
            }
        }
    }

    private sealed class NullableValueColumn<T>(DataField field, Func<TRow, T?> get) : ParquetColumn<TRow>(field)
        where T : struct
    {
        public override async Task WriteAsync(ParquetRowGroupWriter group, IReadOnlyList<TRow> rows, int start, int count, CancellationToken cancellationToken)
        {
            var values = ArrayPool<T?>.Shared.Rent(count);
            try
            {
                for (var i = 0; i < count; i++)
                {
                    values[i] = get(rows[start + i]);
                }

                await group.WriteAsync(Field, new ReadOnlyMemory<T?>(values, 0, count), cancellationToken: cancellationToken);
            }
            finally
            {
                ArrayPool<T?>.Shared.Return(values);
            }
        }
    }
}
