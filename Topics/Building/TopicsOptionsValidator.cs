namespace Insights.Topics.Building;

using System.ComponentModel.DataAnnotations;
using Insights.Topics.Modeling;
using Microsoft.Extensions.Options;

/// <summary>Checks <c>Insights:Topics</c> and <c>Insights:Topics:Model</c> at silo start; every failure names its key.</summary>
public sealed class TopicsOptionsValidator : IValidateOptions<TopicsOptions>, IValidateOptions<TopicModelOptions>
{
    public ValidateOptionsResult Validate(string? name, TopicsOptions options)
    {
        var failures = Annotated(options, TopicsOptions.SectionName);
        if (options.BuildInterval <= TimeSpan.Zero)
        {
            failures.Add($"{TopicsOptions.SectionName}:BuildInterval {options.BuildInterval} must be positive.");
        }

        if (options.FinalBuildDelay < TimeSpan.Zero || options.FinalBuildDelay >= TimeSpan.FromDays(1))
        {
            failures.Add($"{TopicsOptions.SectionName}:FinalBuildDelay {options.FinalBuildDelay} must be between zero and a day.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, TopicModelOptions options)
    {
        var failures = Annotated(options, TopicModelOptions.SectionName);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static List<string> Annotated(object options, string section)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}").ToList();
    }
}
