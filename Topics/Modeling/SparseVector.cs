namespace Insights.Topics.Modeling;

/// <summary>A comment's TF-IDF vector: its non-zero n-gram slots and their weights, of unit length.</summary>
internal readonly record struct SparseVector(int[] Indices, float[] Values)
{
    public bool IsEmpty => Indices.Length == 0;

    public double Dot(float[] dense)
    {
        var sum = 0.0;
        for (var i = 0; i < Indices.Length; i++)
        {
            sum += Values[i] * dense[Indices[i]];
        }

        return sum;
    }
}
