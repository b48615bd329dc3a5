namespace Insights.Topics.Modeling;

/// <summary>A comment's vocabulary words, as ML.NET reads them.</summary>
internal sealed class TokenRow
{
    public string[] Tokens { get; set; } = [];
}
