namespace Insights.Deployment.Tests.Support;

using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

/// <summary>
/// YAML as plain objects (YamlDotNet): mappings are dictionaries, sequences lists, scalars strings. Anchors, aliases
/// and merge keys (<c>&lt;&lt;: *anchor</c>, as docker-compose.yml uses them) are resolved; every document of a stream
/// is returned.
/// </summary>
public static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static IReadOnlyList<object?> LoadAll(string text)
    {
        var parser = new MergingParser(new Parser(new StringReader(text)));
        parser.Consume<StreamStart>();
        var documents = new List<object?>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add(Deserializer.Deserialize<object?>(parser));
        }

        return documents;
    }

    public static IReadOnlyList<object?> LoadFile(string path) => LoadAll(File.ReadAllText(path));

    public static IReadOnlyDictionary<string, object?> Map(object? node) =>
        node is IDictionary<object, object?> map
            ? map.ToDictionary(kv => kv.Key.ToString()!, kv => kv.Value, StringComparer.Ordinal)
            : new Dictionary<string, object?>();

    public static IReadOnlyList<object?> List(object? node) => node is IEnumerable<object?> e && node is not string ? e.ToList() : [];

    public static string? Str(object? node) => node as string;

    /// <summary>Follows mapping keys (strings) and sequence indexes (ints); null when a step is missing.</summary>
    public static object? Get(object? node, params object[] path)
    {
        foreach (var step in path)
        {
            node = step switch
            {
                string key => Map(node).GetValueOrDefault(key),
                int index => List(node) is var list && index < list.Count ? list[index] : null,
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
