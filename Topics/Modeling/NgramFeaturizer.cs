namespace Insights.Topics.Modeling;

using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

/// <summary>
/// ML.NET's text featurization of token lists: words to keys, words and word pairs (n-grams up to 2) weighted by
/// TF-IDF over the fitted comments, each vector L2-normalized. Fitted once per build; turns any comment into a
/// <see cref="SparseVector"/> over the same slots.
/// </summary>
internal sealed class NgramFeaturizer
{
    private const string Keys = "Keys";
    private const string Features = "Features";

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;

    private NgramFeaturizer(MLContext ml, ITransformer transformer, string[] slotNames)
    {
        _ml = ml;
        _transformer = transformer;
        SlotNames = slotNames;
    }

    /// <summary>Each slot's n-gram, words separated by a space.</summary>
    public string[] SlotNames { get; }

    public static NgramFeaturizer Fit(MLContext ml, IReadOnlyList<string[]> documents, int maximumNgrams)
    {
        var data = ml.Data.LoadFromEnumerable(documents.Select(d => new TokenRow { Tokens = d }));
        var pipeline = ml.Transforms.Conversion.MapValueToKey(Keys, nameof(TokenRow.Tokens))
            .Append(ml.Transforms.Text.ProduceNgrams(
                Features, Keys, ngramLength: 2, useAllLengths: true, maximumNgramsCount: maximumNgrams,
                weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf))
            .Append(ml.Transforms.NormalizeLpNorm(Features));
        var transformer = pipeline.Fit(data);
        VBuffer<ReadOnlyMemory<char>> slots = default;
        transformer.GetOutputSchema(data.Schema)[Features].GetSlotNames(ref slots);
        var names = slots.DenseValues().Select(s => s.ToString().Replace('|', ' ')).ToArray();
        return new NgramFeaturizer(ml, transformer, names);
    }

    /// <summary>The vectors of <paramref name="documents"/>, in order (an empty token list gives an empty vector).</summary>
    public List<SparseVector> Transform(IReadOnlyList<string[]> documents)
    {
        var vectors = new List<SparseVector>(documents.Count);
        var data = _transformer.Transform(_ml.Data.LoadFromEnumerable(documents.Select(d => new TokenRow { Tokens = d })));
        var column = data.Schema[Features];
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> buffer = default;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            var values = buffer.GetValues();
            if (buffer.IsDense)
            {
                var indices = new List<int>();
                var weights = new List<float>();
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] != 0)
                    {
                        indices.Add(i);
                        weights.Add(values[i]);
                    }
                }

                vectors.Add(new SparseVector([.. indices], [.. weights]));
            }
            else
            {
                vectors.Add(new SparseVector(buffer.GetIndices().ToArray(), values.ToArray()));
            }
        }

        return vectors;
    }
}
