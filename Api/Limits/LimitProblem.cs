namespace Insights.Api.Limits;

/// <summary>
/// The problem-details answer of a request over a limit: says which configuration key set the limit
/// (<c>limit</c>), so an operator knows what to raise and a client what it ran into.
/// </summary>
public static class LimitProblem
{
    public const string Extension = "limit";

    public static IResult Create(int statusCode, string title, string detail, string limitKey) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: statusCode,
            extensions: new Dictionary<string, object?> { [Extension] = limitKey });
}
