namespace Insights.Topics.Tests;

using System.ComponentModel.DataAnnotations;
using Insights.Topics.Modeling;

/// <summary>The model's settings are checked when bound (<c>ValidateDataAnnotations</c>), naming the bad one.</summary>
public sealed class TopicModelOptionsTests
{
    private static List<string> Problems(TopicModelOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames).ToList();
    }

    [Fact]
    public void The_defaults_are_valid_and_as_documented()
    {
        var options = new TopicModelOptions();

        Assert.Empty(Problems(options));
        Assert.Equal((20, 10, 50_000), (options.Topics, options.TermsPerTopic, options.MaxTrainingComments));
        Assert.Equal("Insights:Topics:Model", TopicModelOptions.SectionName);
    }

    [Fact]
    public void Out_of_range_settings_are_named()
    {
        var options = new TopicModelOptions { Topics = 1, TermsPerTopic = 0, MaxDocumentShare = 0, MaxTrainingComments = 10 };

        string[] expected =
        [
            nameof(TopicModelOptions.Topics), nameof(TopicModelOptions.TermsPerTopic),
            nameof(TopicModelOptions.MaxDocumentShare), nameof(TopicModelOptions.MaxTrainingComments),
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), Problems(options).Order(StringComparer.Ordinal));
    }
}
