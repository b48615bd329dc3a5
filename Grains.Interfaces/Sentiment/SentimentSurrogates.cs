namespace Insights.Sentiment;

// Contracts carries no Orleans, so grains learn to serialize its sentiment types here, the way Orleans serializes
// types from assemblies it does not own. The aliases and field ids are the ones these types had when they carried
// the attributes themselves, so grain state written before the move still reads. The language (Id 6) came later:
// state written without it reads as undetermined.

[GenerateSerializer, Immutable, Alias("insights.SentimentResult")]
public readonly record struct SentimentResultSurrogate(
    [property: Id(0)] SentimentLabel Label,
    [property: Id(1)] double Score,
    [property: Id(2)] double Positive,
    [property: Id(3)] double Neutral,
    [property: Id(4)] double Negative,
    [property: Id(5)] string Analyzer,
    [property: Id(6)] string? Language);

[RegisterConverter]
public sealed class SentimentResultSurrogateConverter : IConverter<SentimentResult, SentimentResultSurrogate>
{
    public SentimentResult ConvertFromSurrogate(in SentimentResultSurrogate surrogate) =>
        new(surrogate.Label, surrogate.Score, surrogate.Positive, surrogate.Neutral, surrogate.Negative, surrogate.Analyzer,
            surrogate.Language ?? SentimentResult.Undetermined);

    public SentimentResultSurrogate ConvertToSurrogate(in SentimentResult value) =>
        new(value.Label, value.Score, value.Positive, value.Neutral, value.Negative, value.Analyzer, value.Language);
}
