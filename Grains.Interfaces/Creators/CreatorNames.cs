namespace Insights.Creators;

using System.Diagnostics.CodeAnalysis;
using Insights.Wire;

/// <summary>
/// Which usernames have a creator roll-up, for the video grain that feeds it and the API that reads it alike: the
/// wire's username rule (at most 64 characters of stored text) without the empty name and line breaks or tabs.
/// </summary>
public static class CreatorNames
{
    public const int MaxLength = 64;

    public const string Rule = "must be 1 to 64 characters, not only spaces, without control characters";

    public static bool IsValid([NotNullWhen(true)] string? username) =>
        !string.IsNullOrWhiteSpace(username)
        && username.Length <= MaxLength
        && TextRules.FindProblem(username) is null
        && !username.Any(char.IsControl);
}
