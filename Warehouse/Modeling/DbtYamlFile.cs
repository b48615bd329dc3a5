namespace Insights.Warehouse.Modeling;

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

/// <summary>
/// Reads one YAML file of a dbt project with YamlDotNet into the plain shapes <see cref="DbtProject"/> walks:
/// mappings as <see cref="Dictionary{TKey, TValue}"/> (string keys, ordinal), sequences as <see cref="List{T}"/>,
/// scalars as strings (null for a plain <c>~</c>, <c>null</c> or nothing). dbt's own files are free-form below a few
/// known keys (<c>+materialized</c> at any depth, a test as a name or a one-key mapping), so they are read as a tree
/// rather than deserialized into classes. Every error names the file and the line.
/// </summary>
public static class DbtYamlFile
{
    /// <summary>Reads <paramref name="path"/>; <paramref name="displayName"/> is how errors name it (default: the path).</summary>
    /// <exception cref="FormatException">The file is not YAML, holds more than one document, or repeats a key.</exception>
    public static object? Read(string path, string? displayName = null)
    {
        using var reader = File.OpenText(path);
        return Parse(reader, displayName ?? path);
    }

    /// <summary>Parses YAML text; errors name <paramref name="name"/>.</summary>
    public static object? Parse(TextReader text, string name)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException ex)
        {
            // YamlDotNet's own message repeats the position as "(Line: 3, Col: 1, Idx: ...) - (...)"; keep its reason only.
            throw new FormatException($"{name}: line {ex.Start.Line}, column {ex.Start.Column}: {Reason(ex)}", ex);
        }

        return stream.Documents.Count switch
        {
            0 => null,
            1 => Convert(stream.Documents[0].RootNode, name),
            _ => throw new FormatException($"{name}: holds {stream.Documents.Count} YAML documents; a dbt file holds one"),
        };
    }

    private static object? Convert(YamlNode node, string name) => node switch
    {
        YamlMappingNode mapping => mapping.Children.ToDictionary(
            pair => pair.Key is YamlScalarNode { Value: { } key }
                ? key
                : throw new FormatException($"{name}: line {pair.Key.Start.Line}: a key must be a plain string"),
            pair => Convert(pair.Value, name),
            StringComparer.Ordinal),
        YamlSequenceNode sequence => sequence.Children.Select(child => Convert(child, name)).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" } => null,
        YamlScalarNode scalar => scalar.Value,
        _ => throw new FormatException($"{name}: line {node.Start.Line}: unsupported YAML node {node.NodeType}"),
    };

    private static string Reason(YamlException ex)
    {
        var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
        var close = message.IndexOf(") - (", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0)
        {
            var end = message.IndexOf("): ", close, StringComparison.Ordinal);
            return end > 0 ? message[(end + 3)..] : message;
        }

        return message;
    }
}
