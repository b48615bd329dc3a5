namespace Insights.Streaming.Tests.AzureQueues;

/// <summary>What the tests publish: where it belongs, its place in its stream, and a payload of any size.</summary>
[GenerateSerializer, Immutable, Alias("insights.tests.TestEvent")]
public sealed record TestEvent
{
    [Id(0)] public string Stream { get; init; } = "";
    [Id(1)] public int Sequence { get; init; }
    [Id(2)] public string Text { get; init; } = "";

    public static List<TestEvent> Range(string stream, int first, int count, int textLength = 8) =>
        Enumerable.Range(first, count)
            .Select(i => new TestEvent { Stream = stream, Sequence = i, Text = new string((char)('a' + (i % 26)), textLength) })
            .ToList();
}
