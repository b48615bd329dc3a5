namespace Insights.Silo.Hosting;

using Insights.Sentiment;

public static class SentimentExtensions
{
    public const string SectionName = "Insights:Sentiment";

    /// <summary>The analyzer video grains score comments with: <c>Local</c> (the built-in lexicon analyzer).</summary>
    public static IServiceCollection AddInsightsSentiment(this IServiceCollection services, IConfiguration configuration)
    {
        var analyzer = configuration.GetSection(SectionName)["Analyzer"] ?? "Local";
        switch (analyzer)
        {
            case "Local":
                services.AddSingleton<ISentimentAnalyzer, LexiconSentimentAnalyzer>();
                break;
            default:
                throw new InvalidOperationException($"{SectionName}:Analyzer '{analyzer}' is not supported (use Local).");
        }

        return services;
    }
}
