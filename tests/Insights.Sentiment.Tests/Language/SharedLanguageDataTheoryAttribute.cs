namespace Insights.Sentiment.Tests.Language;

using Insights.Sentiment.Tests.Support;

/// <summary>A theory on the shared sentiment data: skipped, saying why, in a clone with no <c>../shared</c> beside it.</summary>
public sealed class SharedLanguageDataTheoryAttribute : TheoryAttribute
{
    public SharedLanguageDataTheoryAttribute()
    {
        if (DevData.SharedDataAbsence is { } reason)
        {
            Skip = reason;
        }
    }
}
